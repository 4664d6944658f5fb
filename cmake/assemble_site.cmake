# assemble_site.cmake: copies the hand-written page files next to the generated .js/.wasm
# so the site folder is complete; for the single-file build, inlines everything into one
# HTML file that works when opened from disk.
# Every page script is minified on the way (terser from npm, run by NODE): our own JS is about
# half as large gzipped then (14.3 KB -> 7.6 KB). Without terser the scripts are copied as written.
# Usage: cmake -DSITE=dir -DWEB=web-dir -DSINGLE=ON|OFF -DPAGE_FILES=a,b,... -DMODULE=name.js
#              [-DNODE=node -DTERSER=node_modules/terser/bin/terser] -P assemble_site.cmake
# PAGE_FILES (the web_files list in src/app/CMakeLists.txt) is the one list of the page's
# files: the offline worker's list of files to keep is written from it here, and the single
# file inlines each of them by its kind, so adding a page file is one edit there.
# LAZY_FILES (optional) are built files the page loads only when asked (the cost lab's worker):
# the offline worker keeps them too.
string(REPLACE "," ";" page_files "${PAGE_FILES}")
string(REPLACE "," ";" lazy_files "${LAZY_FILES}")
string(REGEX REPLACE "\\.js$" ".wasm" wasm "${MODULE}")
set(offline_worker "offline-worker.js")

# page_script(name text out): the script as the page gets it, in the variable out: minified when
# terser is there (comments, whitespace and local names go; global names and strings stay).
function(page_script name text out)
  if(NOT TERSER OR NOT EXISTS "${TERSER}" OR NOT NODE)
    set(${out} "${text}" PARENT_SCOPE)
    return()
  endif()
  file(WRITE "${SITE}/${name}.in.tmp" "${text}")
  execute_process(COMMAND "${NODE}" "${TERSER}" "${SITE}/${name}.in.tmp" --compress --mangle
                          --output "${SITE}/${name}.min.tmp"
                  RESULT_VARIABLE failed ERROR_VARIABLE errors)
  if(failed)
    message(FATAL_ERROR "terser could not minify ${name}: ${errors}")
  endif()
  file(READ "${SITE}/${name}.min.tmp" minified)
  file(REMOVE "${SITE}/${name}.in.tmp" "${SITE}/${name}.min.tmp")
  set(${out} "${minified}" PARENT_SCOPE)
endfunction()

# page_source(name out): a page file's text. A script whose folder of parts stands beside it
# (web/attention-tour-api/ for attention-tour-api.js: one concern a file) is those parts joined
# in name order inside one strict-mode closure, so they share its names and nothing leaks.
function(page_source name out)
  string(REGEX REPLACE "\\.js$" "" stem "${name}")
  if(name MATCHES "\\.js$" AND IS_DIRECTORY "${WEB}/${stem}")
    file(GLOB parts "${WEB}/${stem}/*.js")
    list(SORT parts)
    set(text "// ${name}: joined from web/${stem}/ by cmake/assemble_site.cmake.\n(function () {\n  'use strict';\n")
    foreach(part ${parts})
      file(READ "${part}" content)
      string(APPEND text "${content}\n")
    endforeach()
    string(APPEND text "})();\n")
    set(${out} "${text}" PARENT_SCOPE)
  else()
    file(READ "${WEB}/${name}" text)
    set(${out} "${text}" PARENT_SCOPE)
  endif()
endfunction()

if(NOT SINGLE)
  # The service worker keeps the page's folder ('./'), every page file but itself, and the
  # module with its wasm.
  set(kept "'./'")
  foreach(f ${page_files} ${MODULE} ${wasm} ${lazy_files})
    if(NOT f STREQUAL offline_worker)
      string(APPEND kept ", '${f}'")
    endif()
  endforeach()
  foreach(f ${page_files})
    if(f MATCHES "\\.js$")
      page_source(${f} script)
      if(f STREQUAL offline_worker)
        set(marker "'./' /* and the page's files, listed by cmake/assemble_site.cmake */")
        string(FIND "${script}" "${marker}" at)
        if(at EQUAL -1)
          message(FATAL_ERROR "${WEB}/${f} has lost the marker for its file list: ${marker}")
        endif()
        string(REPLACE "${marker}" "${kept}" script "${script}")
      endif()
      page_script(${f} "${script}" script)
      file(WRITE "${SITE}/${f}.tmp" "${script}")
      file(COPY_FILE "${SITE}/${f}.tmp" "${SITE}/${f}" ONLY_IF_DIFFERENT)
      file(REMOVE "${SITE}/${f}.tmp")
    else()
      file(COPY_FILE "${WEB}/${f}" "${SITE}/${f}" ONLY_IF_DIFFERENT)
    endif()
  endforeach()
  return()
endif()

file(READ "${WEB}/index.html" html)
file(READ "${SITE}/${MODULE}" module)
# Inline scripts need the CSP to allow them: the single file is opened from disk, not served.
string(REPLACE "script-src 'self' 'wasm-unsafe-eval'" "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'" html "${html}")
string(REPLACE "style-src 'self'" "style-src 'self' 'unsafe-inline'" html "${html}")
string(REPLACE "connect-src 'self'" "connect-src 'self' data:" html "${html}")
# The challenge worker starts from a blob and inherits this policy, so its new Function
# (the learner's own code, typed in this visit) needs 'unsafe-eval' here; the served
# page keeps the worker in its own file and needs neither.
string(REPLACE "script-src 'self' 'unsafe-inline'" "script-src 'self' 'unsafe-inline' 'unsafe-eval'" html "${html}")
string(REPLACE "object-src 'none'" "worker-src blob:; object-src 'none'" html "${html}")

# Every page file goes in by its kind: a style sheet or script the page links becomes inline;
# a script it does not link is a worker, carried as text (<script type="text/plain"
# id="NAME-source">) for the page to start from a blob. The offline worker has no use here.
set(ahead "<script>window.AT_SINGLE_FILE = true;</script>\n")
foreach(f ${page_files})
  if(f STREQUAL "index.html" OR f STREQUAL offline_worker)
    continue()
  endif()
  page_source(${f} content)
  if(f MATCHES "\\.css$")
    set(link "<link rel=\"stylesheet\" href=\"${f}\">")
    string(FIND "${html}" "${link}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "index.html does not link ${f} as ${link}")
    endif()
    string(REPLACE "${link}" "<style>\n${content}</style>" html "${html}")
  elseif(f MATCHES "\\.js$")
    page_script(${f} "${content}" content)
    set(tag "<script src=\"${f}\"></script>")
    string(FIND "${html}" "${tag}" at)
    if(at EQUAL -1)
      string(REGEX REPLACE "\\.js$" "" name "${f}")
      string(PREPEND ahead "<script type=\"text/plain\" id=\"${name}-source\">\n${content}</script>\n")
    else()
      string(REPLACE "${tag}" "<script>\n${content}</script>" html "${html}")
    endif()
  else()
    message(FATAL_ERROR "assemble_site.cmake does not know how to put ${f} into the single file")
  endif()
endforeach()
# The worker sources and the single-file flag come before the page's first script; the
# module (which the loader adds by name on the served page) comes after its last one.
string(FIND "${html}" "<script>\n" first)
string(FIND "${html}" "</body>" last REVERSE)
if(first EQUAL -1 OR last EQUAL -1)
  message(FATAL_ERROR "index.html has no script or no </body>")
endif()
string(SUBSTRING "${html}" 0 ${first} before)
math(EXPR middle_length "${last} - ${first}")
string(SUBSTRING "${html}" ${first} ${middle_length} middle)
string(SUBSTRING "${html}" ${last} -1 after)
file(WRITE "${SITE}/attention-tour.html" "${before}${ahead}${middle}<script>\n${module}</script>\n${after}")
file(REMOVE "${SITE}/${MODULE}")
