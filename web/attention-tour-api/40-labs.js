// 40-labs.js: the door to the two labs (the cost lab's timings and the learning step's
// trainer). Their protocols with the lab worker live in labs.js, which the page loads with the
// first timing run or training, as it does the worker itself: 2.4 KB less of the first load.
// Until then nothing runs, so Cancel and Stop have nothing to stop. The one-file copy carries
// no worker, and says so.
  let labsLoading = null;
  let labsLoaded = null;
  function labs() {
    if (labsLoading) return labsLoading;
    labsLoading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = 'labs.js';
      script.onload = () => {
        if (typeof window.AttentionTourLabs !== 'function') { reject(new Error('labs.js is not the labs')); return; }
        labsLoaded = window.AttentionTourLabs({ facts: () => facts, callWith, callJson, isPlainObject });
        resolve(labsLoaded);
      };
      script.onerror = () => {
        labsLoading = null;  // the next run tries again
        reject(new Error('the labs could not be loaded (is labs.js served next to the page?)'));
      };
      document.head.appendChild(script);
    });
    return labsLoading;
  }
  function benchmark(request) {
    if (window.AT_SINGLE_FILE) return Promise.resolve({ error: 'timings need the served page: this one-file copy has no worker to run them in' });
    return labs().then((lab) => lab.benchmark(request), (e) => ({ error: e.message }));
  }
  function train(request) {
    if (window.AT_SINGLE_FILE) return Promise.resolve({ error: 'training needs the served page: this one-file copy has no worker to train in' });
    return labs().then((lab) => lab.train(request), (e) => ({ error: e.message }));
  }
  // The view's requests (src/app/web/web_page.cpp). A run cancelled while labs.js loads never starts.
  let wantedCostRun = 0;
  function costLabStart(run, maxN, onGpu) {
    wantedCostRun = run;
    labs().then((lab) => { if (wantedCostRun === run) lab.costLabStart(run, maxN, onGpu ? 'gpu' : 'cpu'); },
      (e) => callWith('at_cost_lab_finished', null, ['number', 'string'], [run, e.message]));
  }
  function costLabCancel() {
    wantedCostRun = 0;
    if (labsLoaded) labsLoaded.costLabCancel();
  }
  let wantedTraining = 0;
  function trainingStart(request, task, seed, lr, steps, fresh, probe) {
    wantedTraining = request;
    labs().then((lab) => {
      if (wantedTraining === request) lab.trainingStart(request, task, seed, lr, steps, fresh, probe);
    }, (e) => {
      const at = Module._malloc(8);
      try {
        callWith('at_training_report', null, ['number', 'number', 'number', 'number', 'string'], [request, at, 0, 1, e.message]);
      } finally {
        Module._free(at);
      }
    });
  }
  function trainingStop() {
    wantedTraining = 0;
    if (labsLoaded) labsLoaded.trainingStop();
  }
