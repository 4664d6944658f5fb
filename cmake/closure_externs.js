/**
 * @fileoverview Closure Compiler externs for the page's Emscripten glue (attention-tour.js).
 * The glue is built with --closure 1 (cmake/closure.cmake), whose ADVANCED mode renames every
 * property it does not know. The EM_ASM / EM_JS blocks in src/app/web/*.cpp are compiled into the
 * glue, while the page's own scripts (web/*.js) are not: each property name those blocks share
 * with the page is declared here, so both sides keep one spelling. A new Module.onX hook, or a
 * new field of an object handed to the page, goes here too (the browser tests fail without it).
 * Emscripten's own Module settings (canvas, print, postRun, ...) and the exported runtime
 * methods and functions (ccall, _malloc, _at_*, ...) are quoted in the glue and need no entry.
 * @externs
 */

/** The page's hooks that the C++ side calls (web/attention-tour-api/, web/input.js). */
var AttentionTourModuleHooks = {};
AttentionTourModuleHooks.onRuntimeStart;   // src/app/web/main_web.cpp page_start
AttentionTourModuleHooks.onTextSpot;       // src/app/web/main_web.cpp page_text_spot
AttentionTourModuleHooks.onFirstFrame;     // src/app/web/web_page.cpp
AttentionTourModuleHooks.onStateChanged;   // src/app/web/web_page.cpp
AttentionTourModuleHooks.onFocusAnnounce;  // src/app/web/web_page.cpp
AttentionTourModuleHooks.onSay;            // src/app/web/web_page.cpp
AttentionTourModuleHooks.onCopyText;       // src/app/web/web_page.cpp
AttentionTourModuleHooks.onFormalTextsWanted; // src/app/web/web_page.cpp
AttentionTourModuleHooks.onMirror;         // src/app/web/page_mirror.cpp
AttentionTourModuleHooks.glyphCanvas;      // src/app/web/browser_glyphs.cpp (kept, never shown)

/** The object page_text_spot hands to Module.onTextSpot (read by web/input.js). */
var AttentionTourTextSpot = {};
AttentionTourTextSpot.wanted;
AttentionTourTextSpot.numeric;
AttentionTourTextSpot.x;
AttentionTourTextSpot.y;
AttentionTourTextSpot.w;
AttentionTourTextSpot.h;
AttentionTourTextSpot.lineHeight;

/** window.attentionTour (web/attention-tour-api/90-api.js), as far as the C++ side calls it. */
var attentionTour = {};
attentionTour.copyLink;
attentionTour.resetProgress;
attentionTour.gradeChallenge;
attentionTour.costLabStart;
attentionTour.costLabCancel;
attentionTour.trainingStart;
attentionTour.trainingStop;
/** @type {?} */
Window.prototype.attentionTour;

/** Set by the single-file page before its scripts (cmake/assemble_site.cmake). */
var AT_SINGLE_FILE;
/** @type {?} */
Window.prototype.AT_SINGLE_FILE;

/** WebGPU's entry point, which the page only tests for (src/app/web/web_page.cpp). */
/** @type {?} */
Navigator.prototype.gpu;
