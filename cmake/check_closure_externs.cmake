# check_closure_externs.cmake: before the page is linked with the Closure Compiler, every
# Module.NAME, attentionTour.NAME and window.NAME that the EM_ASM / EM_JS blocks of src/app use must be
# declared in cmake/closure_externs.js; otherwise ADVANCED mode would rename it in the glue
# and the page's scripts would no longer find it (a silent break, seen only in a browser).
# Usage: cmake -DSOURCES=a.cpp,b.cpp -DEXTERNS=closure_externs.js -P check_closure_externs.cmake
string(REPLACE "," ";" sources "${SOURCES}")
file(READ "${EXTERNS}" externs)
set(missing "")
foreach(source ${sources})
  file(READ "${source}" text)
  # Quoted access (Module['x']) is never renamed; comments are skipped line by line.
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")
  # One pass per object: window.attentionTour.copyLink holds two names to check.
  set(uses "")
  foreach(object Module attentionTour window)
    string(REGEX MATCHALL "${object}\\.[A-Za-z_$][A-Za-z0-9_$]*" found "${text}")
    list(APPEND uses ${found})
  endforeach()
  foreach(use ${uses})
    string(REGEX REPLACE "^[A-Za-z]+\\." "" name "${use}")
    if(NOT externs MATCHES "\\.${name};")
      get_filename_component(file_name "${source}" NAME)
      list(APPEND missing "${use} (${file_name})")
    endif()
  endforeach()
endforeach()
if(missing)
  list(REMOVE_DUPLICATES missing)
  string(REPLACE ";" ", " missing "${missing}")
  message(FATAL_ERROR "Declare these in ${EXTERNS}, or the Closure Compiler renames them: ${missing}")
endif()
