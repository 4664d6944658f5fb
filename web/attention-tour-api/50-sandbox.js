// 50-sandbox.js: the door to the coding challenge's grading. The sandbox that runs the
// learner's code and the checks of what comes back live in sandbox.js, which the page loads the
// first time code is graded (1.5 KB less of the first load); the one-file copy carries its text.
  let sandboxLoading = null;
  function sandbox() {
    if (sandboxLoading) return sandboxLoading;
    sandboxLoading = new Promise((resolve, reject) => {
      const take = () => {
        if (typeof window.AttentionTourSandbox !== 'function') throw new Error('sandbox.js is not the sandbox');
        resolve(window.AttentionTourSandbox({ callJson }));
      };
      const script = document.createElement('script');
      const carried = document.getElementById('sandbox-source');
      script.onerror = () => {
        sandboxLoading = null;  // the next grading tries again
        reject(new Error('sandbox.js did not load'));
      };
      if (carried) {
        script.textContent = carried.textContent;  // runs as it is added
        document.head.appendChild(script);
        try { take(); } catch (e) { reject(e); }
        return;
      }
      script.src = 'sandbox.js';
      script.onload = () => { try { take(); } catch (e) { sandboxLoading = null; reject(e); } };
      document.head.appendChild(script);
    });
    return sandboxLoading;
  }
  // Resolves to a grade in every case (sandbox.js: gradeChallenge), also when the sandbox cannot come.
  function gradeChallenge(code, level = 1) {
    return sandbox().then((s) => s.gradeChallenge(code, level), (e) => ({
      passed: false, passedCases: 0, totalCases: 0,
      message: 'Your code could not be graded: the page could not load its code checker (' + e.message + ').' }));
  }
