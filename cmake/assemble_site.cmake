# assemble_site.cmake: copies the hand-written page files next to the generated .js/.wasm
# so the site folder is complete; for the single-file build, inlines everything into one
# HTML file that works when opened from disk.
# Usage: cmake -DSITE=dir -DWEB=web-dir -DSINGLE=ON|OFF -DPAGE_FILES=a,b,... -P assemble_site.cmake
if(NOT SINGLE)
  string(REPLACE "," ";" page_files "${PAGE_FILES}")
  foreach(f ${page_files})
    file(COPY_FILE "${WEB}/${f}" "${SITE}/${f}" ONLY_IF_DIFFERENT)
  endforeach()
  return()
endif()
file(READ "${WEB}/index.html" html)
file(READ "${WEB}/style.css" css)
file(READ "${WEB}/attention-tour-api.js" api)
file(READ "${WEB}/loader.js" loader)
file(READ "${WEB}/input.js" input)
file(READ "${WEB}/challenge-worker.js" worker)
file(READ "${SITE}/attention-tour.js" module)
# Inline scripts need the CSP to allow them: the single file is opened from disk, not served.
string(REPLACE "script-src 'self' 'wasm-unsafe-eval'" "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'" html "${html}")
string(REPLACE "style-src 'self'" "style-src 'self' 'unsafe-inline'" html "${html}")
string(REPLACE "connect-src 'self'" "connect-src 'self' data:" html "${html}")
# The challenge worker starts from a blob and inherits this policy, so its new Function
# (the learner's own code, typed in this visit) needs 'unsafe-eval' here; the served
# page keeps the worker in its own file and needs neither.
string(REPLACE "script-src 'self' 'unsafe-inline'" "script-src 'self' 'unsafe-inline' 'unsafe-eval'" html "${html}")
string(REPLACE "object-src 'none'" "worker-src blob:; object-src 'none'" html "${html}")
string(REPLACE "<link rel=\"stylesheet\" href=\"style.css\">" "<style>\n${css}</style>" html "${html}")
string(REPLACE "<script src=\"attention-tour-api.js\"></script>"
       "<script type=\"text/plain\" id=\"challenge-worker-source\">\n${worker}</script>\n<script>window.AT_SINGLE_FILE = true;\n${api}</script>"
       html "${html}")
string(REPLACE "<script src=\"input.js\"></script>" "<script>\n${input}</script>" html "${html}")
string(REPLACE "<script src=\"loader.js\"></script>" "<script>\n${loader}</script>\n<script>\n${module}</script>" html "${html}")
file(WRITE "${SITE}/attention-tour.html" "${html}")
file(REMOVE "${SITE}/attention-tour.js")
