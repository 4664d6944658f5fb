// challenge-frame.js: the script of the coding challenge's frame: a sandboxed frame with an
// opaque origin (no allow-same-origin), which Chromium runs in a process of its own, so code
// that uses up its memory ends that process and not the page. The page writes this script
// into the frame's srcdoc (allowed there by its hash in the page's policy) under a policy
// that lets nothing be fetched or loaded. It starts the sandbox worker (challenge-worker.js,
// whose source the page hands over), passes on the worker's messages, and answers the
// page's pings, so the page can tell a frame whose process died from code that runs long.
// Only the page that holds the frame is listened to; all it gets back is checked there again.
'use strict';
(function () {
  const answer = (message) => parent.postMessage(message, '*');  // an opaque origin has no name to address
  let worker = null;

  addEventListener('message', function (event) {
    const data = event.data;
    if (event.source !== parent || data === null || typeof data !== 'object') return;
    if (typeof data.ping === 'number') return answer({ pong: data.ping });
    if (worker || typeof data.source !== 'string') return;  // one worker per frame
    try {
      worker = new Worker(URL.createObjectURL(new Blob([data.source], { type: 'text/javascript' })));
      worker.onmessage = (message) => answer({ worker: message.data });
      worker.onmessageerror = () => answer({ failed: '' });
      worker.onerror = (error) => {
        error.preventDefault();
        answer({ failed: String(error.message) });
      };
      worker.postMessage(data.task);
    } catch (e) {
      answer({ failed: String(e && e.message) });
    }
  });
})();
