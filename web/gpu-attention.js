// gpu-attention.js: the GPU half of the cost lab's benchmark. Times attention on this
// machine's GPU through WebGPU, the direct way (shaders/attention_direct.wgsl: three kernels,
// the n × n matrix through slow memory) and the tiled way (shaders/attention_tiled.wgsl:
// FlashAttention, no n × n anywhere). No DOM and no modules, so it works in a dedicated worker
// and on a page alike. One global, GpuAttention:
//   GpuAttention.open(fetchText) → Promise of {lab} or {error}; fetchText(name) gives a
//     Promise of a shader file's text.
//   GpuAttention.bytesMoved(method, n, d, tile): the slow-memory traffic of a method's kernels.
//   lab.adapter: the GPU's name; lab.software: true for a GPU emulated on the CPU;
//   lab.check(n, d, tile): '' or why this GPU cannot run them;
//   lab.run(method, n, d, tile, Q, K, V, isStopped) → Promise of {ms, out, bytesMoved},
//     {error} or {stopped: true}; lab.close().
// Every error is one plain sentence, lowercase, with no full stop.
'use strict';
var GpuAttention = (function () {
  var BLOCK = 16;    // attention_direct.wgsl: a product's workgroup is BLOCK × BLOCK threads
  var QUERIES = 64;  // attention_tiled.wgsl: queries per workgroup
  var MAX_N = 8192, MAX_D = 256;
  var MB = 1024 * 1024;  // KB and MB as the cost lab counts them
  var SUBMISSION_MS = 16;  // about the longest one submission should keep the GPU busy

  function blocks(count, size) { return Math.ceil(count / size); }
  // The tiled kernel's private arrays hold D_MAX floats: d rounded up to a multiple of 4, so
  // that neighbouring d share one compiled pipeline.
  function roundedD(d) { return blocks(d, 4) * 4; }
  function whole(x, low, high) { return Number.isInteger(x) && x >= low && x <= high; }
  function amount(bytes) {
    var big = bytes >= MB;
    return Math.round(bytes / (big ? MB : 1024) * 10) / 10 + (big ? ' MB' : ' KB');
  }
  // An exception or GPU error as the tail of one sentence: one line, no full stop, not too long.
  function said(e) {
    var text = String((e && e.message) || e || 'no reason given').replace(/\s+/g, ' ').trim();
    return text.slice(0, 240).replace(/\.$/, '');
  }

  // Bytes of storage-buffer traffic, counted from the kernels' loops: 4 per float, a float
  // counted once per workgroup that reads it (the uniform parameters are left out).
  function bytesMoved(method, n, d, tile) {
    var floats;
    if (method === 'direct') {
      var rowBlocks = blocks(n, BLOCK);
      floats =
        // scores: a workgroup reads its BLOCK query rows and BLOCK key rows in full, so every
        // Q and K row is read once per block of the other; the n × n scores are written once.
        2 * rowBlocks * n * d + n * n +
        // softmax: each row read three times (maximum, sum, weights) and written once.
        3 * n * n + n * n +
        // weighted: a workgroup reads its BLOCK rows of weights and BLOCK columns of V in full,
        // so every weight is read once per block of d columns and every V row once per block
        // of queries; out is written once.
        blocks(d, BLOCK) * n * n + rowBlocks * n * d + n * d;
    } else {
      // A workgroup of QUERIES queries reads them once (Q once in all), every K and V row once
      // (the tile changes how the keys are cut, not how often they are read), writes its out.
      floats = n * d + 2 * blocks(n, QUERIES) * n * d + n * d;
    }
    return 4 * floats;
  }

  // Sets a shader's `const NAME = <number>u;` lines (see the top of each .wgsl file).
  function withConstants(source, values) {
    Object.keys(values).forEach(function (name) {
      var line = new RegExp('const ' + name + ' = \\d+u;');
      if (!line.test(source)) throw new Error('the shader has no line const ' + name + ' = …u;');
      source = source.replace(line, 'const ' + name + ' = ' + values[name] + 'u;');
    });
    return source;
  }

  function adapterName(adapter) {
    var info = adapter.info || {};
    var words = [];
    [info.vendor, info.architecture, info.device, info.description].forEach(function (word) {
      if (word && words.indexOf(String(word)) < 0) words.push(String(word));
    });
    return words.join(' ') || 'an unnamed GPU';
  }

  async function open(fetchText) {
    if (typeof navigator === 'undefined' || !navigator.gpu) return { error: 'this browser has no WebGPU' };
    var adapter = null;
    try {
      adapter = await navigator.gpu.requestAdapter();
    } catch (e) { /* the same as none */ }
    if (!adapter) return { error: 'no GPU adapter is available here' };
    // The defaults (16 KB of workgroup memory, 128 MB buffers) are less than many GPUs offer,
    // and n × n scores at n = 8192 take 256 MB: ask for all there is.
    var requiredLimits = {};
    ['maxComputeWorkgroupStorageSize', 'maxStorageBufferBindingSize', 'maxBufferSize'].forEach(function (name) {
      requiredLimits[name] = adapter.limits[name];
    });
    var device;
    try {
      device = await adapter.requestDevice({ requiredLimits: requiredLimits });
    } catch (e) {
      return { error: 'the GPU device could not be opened: ' + said(e) };
    }
    try {
      var texts = await Promise.all([fetchText('attention_direct.wgsl'), fetchText('attention_tiled.wgsl')]);
      var lab = makeLab(adapterName(adapter), device, { direct: String(texts[0]), tiled: String(texts[1]) });
      // A GPU in software on the CPU (the browser's fallback adapter, or one named as such).
      lab.software = !!(adapter.info && adapter.info.isFallbackAdapter) || adapter.isFallbackAdapter === true ||
        /swiftshader|llvmpipe|lavapipe|basic render|warp/i.test(lab.adapter);
      return { lab: lab };
    } catch (e) {
      device.destroy();
      return { error: 'the GPU shaders could not be loaded: ' + said(e) };
    }
  }

  function makeLab(name, device, sources) {
    var limits = device.limits;
    var queue = device.queue;
    var lost = '';  // once the device is gone, why: every later call answers that
    device.lost.then(function (info) {
      lost = info.reason === 'destroyed' ? 'the GPU lab is closed' : 'the GPU device was lost: ' + said(info.message);
    });
    var pipelines = new Map();  // 'direct' or 'tiled D_MAX TILE' → Promise of the kernels, in order
    var queued = Promise.resolve();  // runs take turns: error scopes are one stack per device

    // Checked before anything is allocated. Both methods must fit: the lab compares them.
    function check(n, d, tile) {
      if (lost) return lost;
      if (!whole(n, 1, MAX_N) || !whole(d, 1, MAX_D) || !whole(tile, 1, n)) {
        return 'the GPU benchmark takes whole numbers n 1..' + MAX_N + ', d 1..' + MAX_D + ', tile 1..n';
      }
      var largest = Math.min(limits.maxBufferSize, limits.maxStorageBufferBindingSize);
      if (4 * n * n > largest) {
        return 'the n × n scores need ' + amount(4 * n * n) + ', more than this GPU\'s largest buffer (' +
          amount(largest) + '): the largest n that fits is ' + Math.floor(Math.sqrt(largest / 4));
      }
      var perKey = 2 * roundedD(d) * 4;  // a K row and a V row of D_MAX floats
      var room = limits.maxComputeWorkgroupStorageSize;
      if (tile * perKey > room) {
        return 'a tile of ' + tile + ' keys needs ' + amount(tile * perKey) +
          ' of workgroup memory for its K and V rows, more than this GPU\'s ' + amount(room) + ': at d = ' + d +
          ' the largest tile that fits is ' + Math.floor(room / perKey);
      }
      // Q, K, V and out (at most 8 MB each) fit any WebGPU buffer; the largest dispatch
      // (n workgroups, softmax's) is within the 65535 every device allows.
      return '';
    }

    function kernels(method, d, tile) {
      var key = method === 'direct' ? method : method + ' ' + roundedD(d) + ' ' + tile;
      // A few compiled kernels are kept (the lab's sizes share one); a script trying many
      // tiles does not pile them up.
      if (!pipelines.has(key) && pipelines.size >= 8) pipelines.clear();
      if (!pipelines.has(key)) {
        var module = device.createShaderModule({
          code: method === 'direct' ? withConstants(sources.direct, { BLOCK: BLOCK })
            : withConstants(sources.tiled, { D_MAX: roundedD(d), TILE: tile, QUERIES: QUERIES })
        });
        var entries = method === 'direct' ? ['scores', 'softmax', 'weighted'] : ['attention'];
        var made = Promise.all(entries.map(function (entryPoint) {
          var compute = { module: module, entryPoint: entryPoint };
          return device.createComputePipelineAsync({ layout: 'auto', compute: compute });
        }));
        pipelines.set(key, made.catch(async function (e) {
          pipelines.delete(key);  // a failure is not kept
          var messages = (await module.getCompilationInfo()).messages;
          var error = messages.filter(function (m) { return m.type === 'error'; })[0];
          if (!error) throw e;
          throw new Error('the shader does not compile (line ' + error.lineNum + ': ' + error.message + ')');
        }));
      }
      return pipelines.get(key);
    }

    async function measure(method, n, d, tile, Q, K, V, isStopped) {
      var stopped = function () { return typeof isStopped === 'function' && isStopped(); };
      var buffers = [];  // all destroyed at the end, whatever happens
      var scoped = 0;  // error scopes still to pop
      function buffer(size, usage) {
        buffers.push(device.createBuffer({ size: size, usage: usage }));
        return buffers[buffers.length - 1];
      }
      // Pops what is still pushed at once, before another run can push; then the error caught,
      // out of memory first (a buffer that could not be made also fails validation where used).
      function popScopes() {
        var popped = [];
        for (; scoped > 0; --scoped) popped.push(device.popErrorScope());
        return Promise.all(popped).then(function (errors) { return errors[1] || errors[0] || null; });
      }
      try {
        if (stopped()) return { stopped: true };
        device.pushErrorScope('out-of-memory');
        device.pushErrorScope('validation');
        scoped = 2;
        var use = GPUBufferUsage, bytes = 4 * n * d, input = use.STORAGE | use.COPY_DST;
        // Bindings as numbered in both shaders: 0 params, 1 Q, 2 K, 3 V, 4 out, 5 scores. A chunk
        // is a multiple of `unit` queries: the tiled kernel's workgroup (QUERIES), or for the
        // direct kernels, whose workgroups take BLOCK queries, BLOCK (a chunk of 64 queries took
        // 460 ms on the emulated GPU with a second browser beside it). The parameters have a slot
        // for each chunk that may start at a multiple of `unit`.
        var unit = method === 'direct' ? BLOCK : QUERIES;
        var slots = blocks(n, unit), slot = limits.minUniformBufferOffsetAlignment;
        var bound = [buffer(slots * slot, use.UNIFORM | use.COPY_DST), buffer(bytes, input), buffer(bytes, input),
          buffer(bytes, input), buffer(bytes, use.STORAGE | use.COPY_SRC)];
        if (method === 'direct') bound.push(buffer(4 * n * n, use.STORAGE));
        var readBack = buffer(bytes, use.MAP_READ | use.COPY_DST);
        var params = new ArrayBuffer(slots * slot);
        for (var at = 0; at < slots; ++at) {
          new Uint32Array(params, at * slot, 2).set([n, d]);
          new Float32Array(params, at * slot + 8, 1)[0] = 1 / Math.sqrt(d);
          new Uint32Array(params, at * slot + 12, 1)[0] = at * unit;  // first
        }
        queue.writeBuffer(bound[0], 0, params);
        [Q, K, V].forEach(function (matrix, i) { queue.writeBuffer(bound[i + 1], 0, matrix); });

        // A chunk of `count` queries: each kernel's bindings and workgroups.
        var steps = method === 'direct'
          ? [{ bindings: [0, 1, 2, 5], groups: function (count) { return [blocks(n, BLOCK), blocks(count, BLOCK)]; } },
            { bindings: [0, 5], groups: function (count) { return [count, 1]; } },
            { bindings: [0, 3, 4, 5], groups: function (count) { return [blocks(d, BLOCK), blocks(count, BLOCK)]; } }]
          : [{ bindings: [0, 1, 2, 3, 4], groups: function (count) { return [blocks(count, QUERIES), 1]; } }];
        var made = await kernels(method, d, tile);
        if (stopped()) return { stopped: true };  // compiling can take a while
        var groups = new Map();  // a chunk's first query → its kernels' bind groups
        function bindGroups(first) {
          if (!groups.has(first)) {
            groups.set(first, steps.map(function (step, i) {
              return device.createBindGroup({
                layout: made[i].getBindGroupLayout(0),
                entries: step.bindings.map(function (at) {
                  var resource = at ? { buffer: bound[at] } : { buffer: bound[0], offset: first / unit * slot, size: 16 };
                  return { binding: at, resource: resource };
                })
              });
            }));
          }
          return groups.get(first);
        }
        // Runs queries first .. first + count - 1 through every kernel, in one pass (each dispatch
        // sees the one before's writes) and one submission; resolves to the milliseconds from
        // submission to done.
        async function submitChunk(first, count) {
          var encoder = device.createCommandEncoder();
          var pass = encoder.beginComputePass();
          var chunkGroups = bindGroups(first);
          steps.forEach(function (step, i) {
            var size = step.groups(count);
            pass.setPipeline(made[i]);
            pass.setBindGroup(0, chunkGroups[i]);
            pass.dispatchWorkgroups(size[0], size[1]);
          });
          pass.end();
          var commands = encoder.finish();
          var start = performance.now();
          queue.submit([commands]);
          await queue.onSubmittedWorkDone();
          return performance.now() - start;
        }
        // The queries go to the GPU in chunks, a submission each, so that no submission keeps a
        // slow GPU busy for long: the page's own drawing waits behind what the GPU is doing
        // (a GPU emulated on the CPU took 95 ms for one pass at n = 128). The warm-up finds how
        // many queries a submission can take in about SUBMISSION_MS: it starts at `unit` and
        // doubles while a submission takes under half that. A fast GPU ends with one submission
        // for all. Chunks are multiples of `unit` (and so of BLOCK) but the last: the workgroups
        // and the bytes they move are the same as in one pass.
        var rows = unit;
        for (var first = 0, count = 0; first < n; first += count) {
          if (stopped()) return { stopped: true };
          count = Math.min(rows, n - first);
          var took = await submitChunk(first, count);
          if (lost) return { error: lost };
          if (took < SUBMISSION_MS / 2 && rows < n) rows *= 2;
          else if (took > SUBMISSION_MS && rows > unit) rows = Math.max(unit, Math.floor(rows * SUBMISSION_MS / took / unit) * unit);
        }
        var copy = device.createCommandEncoder();
        copy.copyBufferToBuffer(bound[4], 0, readBack, 0, bytes);
        queue.submit([copy.finish()]);
        await queue.onSubmittedWorkDone();
        var failure = await popScopes();
        if (lost) return { error: lost };
        if (failure) {
          return { error: failure instanceof GPUOutOfMemoryError ? 'the GPU ran out of memory for n = ' + n +
            ', d = ' + d : 'the GPU refused the run: ' + said(failure) };
        }
        await readBack.mapAsync(GPUMapMode.READ);
        var out = new Float32Array(readBack.getMappedRange().slice(0));
        readBack.unmap();

        // The timed runs take the chunks the warm-up settled on. Small sizes run many times,
        // until at least 20 ms have passed, and report the mean.
        var runs = 0, total = 0;
        do {
          for (var from = 0; from < n; from += rows) {
            if (stopped()) return { stopped: true };
            total += await submitChunk(from, Math.min(rows, n - from));
            if (lost) return { error: lost };
          }
          ++runs;
        } while (total < 20 && runs < 1000);
        return { ms: total / runs, out: out, bytesMoved: bytesMoved(method, n, d, tile) };
      } catch (e) {
        return { error: lost || 'the GPU run failed: ' + said(e) };
      } finally {
        popScopes().catch(function () {});
        buffers.forEach(function (made) { made.destroy(); });
      }
    }

    function run(method, n, d, tile, Q, K, V, isStopped) {
      var answer = queued.then(function () {
        if (method !== 'direct' && method !== 'tiled') return { error: 'the method is direct or tiled, not ' + method };
        var refused = check(n, d, tile);
        if (refused) return { error: refused };
        var isMatrix = function (x) { return x instanceof Float32Array && x.length === n * d; };
        if (!isMatrix(Q) || !isMatrix(K) || !isMatrix(V)) {
          return { error: 'Q, K and V must be Float32Arrays of n × d numbers' };
        }
        return measure(method, n, d, tile, Q, K, V, isStopped);
      });
      queued = answer.catch(function () {});
      return answer;
    }

    return {
      adapter: name,
      check: check,
      run: run,
      close: function () { device.destroy(); }
    };
  }

  return { open: open, bytesMoved: bytesMoved };
})();
