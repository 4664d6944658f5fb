# assemble_site.cmake: copies the hand-written page files next to the generated .js/.wasm
# so the site folder is complete; for the single-file build, inlines everything into one
# HTML file that works when opened from disk.
# Every page script is minified on the way (terser from npm, run by NODE): our own JS is about
# half as large gzipped then (14.3 KB -> 7.6 KB). Without terser the scripts are copied as written.
# Usage: cmake -DSITE=dir -DWEB=web-dir -DSINGLE=ON|OFF -DPAGE_FILES=a,b,... -DMODULE=name.js
#              -DNODE=node [-DTERSER=node_modules/terser/bin/terser] -P assemble_site.cmake
# PAGE_FILES (the web_files list in src/app/CMakeLists.txt) is the one list of the page's
# files: the offline worker's list of files to keep is written from it here, and the single
# file inlines each of them by its kind, so adding a page file is one edit there.
# A page script that index.html does not link (other than the offline worker) is carried in
# the page as text, <script type="text/plain" id="NAME-source">, in both builds: the coding
# challenge's frame script and worker, which the page writes into a sandboxed srcdoc frame
# (web/sandbox.js). The page's policy names the frame's script by
# its hash, in place of the marker 'challenge-frame-hash' in index.html (the frame inherits
# that policy, which is why it also allows blob workers; no 'unsafe-eval': the learner's code
# reaches the worker inside the worker's script, see web/challenge-frame.js).
# LAZY_FILES (optional) are built files the page loads only when asked (the cost lab's worker):
# the offline worker keeps them too.
cmake_policy(SET CMP0057 NEW)  # if(... IN_LIST ...)
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

# The page as written, and the scripts it carries as text (each <script type="text/plain">,
# in carried) with the hash of the challenge frame's script for the policy.
file(READ "${WEB}/index.html" html)
set(hash_marker "'challenge-frame-hash'")
string(FIND "${html}" "${hash_marker}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "index.html has lost the marker for the challenge frame's hash in its policy: ${hash_marker}")
endif()
set(carried "")
set(carried_files "")
# The coding challenge's worker source and its sandbox (web/sandbox.js) are fetched by the served
# page when code is first graded: 2.3 KB and 1.5 KB less of the first load. The single file
# carries it, having nothing to fetch from.
set(fetched_scripts "")
# The semantic mirror (mirror.js) is loaded after the first frame, by the served page as a
# script and from its carried text by the single file.
if(NOT SINGLE)
  set(fetched_scripts "challenge-worker.js" "sandbox.js" "mirror.js")
endif()
foreach(f ${page_files})
  if(f MATCHES "\\.js$" AND NOT f STREQUAL offline_worker AND NOT f IN_LIST fetched_scripts)
    string(FIND "${html}" "<script src=\"${f}\"></script>" at)
    if(at EQUAL -1)
      page_source(${f} content)
      page_script(${f} "${content}" content)
      string(REGEX REPLACE "\\.js$" "" name "${f}")
      string(APPEND carried "<script type=\"text/plain\" id=\"${name}-source\">${content}</script>\n")
      list(APPEND carried_files ${f})
      if(f STREQUAL "challenge-frame.js")
        # The hash of the text exactly as the frame gets it (textContent of the element above).
        file(WRITE "${SITE}/${f}.hash.tmp" "${content}")
        execute_process(COMMAND "${NODE}" -e "process.stdout.write(require('crypto').createHash('sha256')
                                .update(require('fs').readFileSync(process.argv[1])).digest('base64'))"
                                "${SITE}/${f}.hash.tmp"
                        OUTPUT_VARIABLE frame_hash RESULT_VARIABLE failed)
        file(REMOVE "${SITE}/${f}.hash.tmp")
        if(failed OR NOT frame_hash)
          message(FATAL_ERROR "could not hash ${f} for the page's policy (NODE=${NODE})")
        endif()
      endif()
    endif()
  endif()
endforeach()
if(NOT frame_hash)
  message(FATAL_ERROR "the page carries no challenge-frame.js, whose hash its policy names")
endif()

if(NOT SINGLE)
  string(REPLACE "${hash_marker}" "'sha256-${frame_hash}'" html "${html}")
  string(FIND "${html}" "<script src=" first)
  string(SUBSTRING "${html}" 0 ${first} before)
  string(SUBSTRING "${html}" ${first} -1 after)
  file(WRITE "${SITE}/index.html.tmp" "${before}${carried}${after}")
  file(COPY_FILE "${SITE}/index.html.tmp" "${SITE}/index.html" ONLY_IF_DIFFERENT)
  file(REMOVE "${SITE}/index.html.tmp")
  # The service worker keeps the page's folder ('./'), every page file but itself and those
  # carried in index.html, and the module with its wasm.
  set(kept "'./'")
  foreach(f ${page_files} ${MODULE} ${wasm} ${lazy_files})
    if(NOT f STREQUAL offline_worker AND NOT f IN_LIST carried_files)
      string(APPEND kept ", '${f}'")
    endif()
  endforeach()
  foreach(f ${page_files})
    if(f IN_LIST carried_files)
      file(REMOVE "${SITE}/${f}")  # a copy from an older build would be served and counted
    elseif(f STREQUAL "index.html")
      continue()
    elseif(f MATCHES "\\.js$")
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

file(READ "${SITE}/${MODULE}" module)
# Inline scripts need the CSP to allow them: the single file is opened from disk, not served.
# They are all inline here, and a hash in the policy would switch 'unsafe-inline' off, so it
# stands in for the challenge frame's hash.
string(REPLACE "${hash_marker}" "'unsafe-inline'" html "${html}")
string(REPLACE "style-src 'self'" "style-src 'self' 'unsafe-inline'" html "${html}")
string(REPLACE "connect-src 'self'" "connect-src 'self' data:" html "${html}")

# Every other page file goes in by its kind: a style sheet or script the page links becomes
# inline; the scripts carried as text come ahead. The offline worker has no use here.
set(ahead "<script>window.AT_SINGLE_FILE = true;</script>\n${carried}")
foreach(f ${page_files})
  if(f STREQUAL "index.html" OR f STREQUAL offline_worker OR f IN_LIST carried_files)
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
    string(REPLACE "<script src=\"${f}\"></script>" "<script>\n${content}</script>" html "${html}")
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
