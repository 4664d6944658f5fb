# check_text_calls.cmake: every word the lesson draws reaches the page's semantic mirror. Prose
# goes through the kit (paragraph, note, colouredParagraph, textLine, sectionHeading), which
# wraps it on a phone and records it for the mirror. A view that calls Dear ImGui's text
# functions itself must say, on that line, which mirrored node speaks those words
# ("// said by ..."): a label beside a control its spoken name includes, a table's headers.
# Usage: cmake -DUI_DIR=src/ui -P check_text_calls.cmake
file(GLOB_RECURSE sources "${UI_DIR}/*.cpp")
set(unsaid "")
foreach(source ${sources})
  if(source MATCHES "/kit/widgets\\.cpp$")  # the kit's own text functions
    continue()
  endif()
  file(STRINGS "${source}" lines)
  set(number 0)
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(line MATCHES "ImGui::(Text|TextDisabled|TextColored|TextWrapped|TextUnformatted)\\(" AND
       NOT line MATCHES "// said by")
      file(RELATIVE_PATH name "${UI_DIR}" "${source}")
      list(APPEND unsaid "${name}:${number}")
    endif()
  endforeach()
endforeach()
if(unsaid)
  string(REPLACE ";" "\n  " unsaid "${unsaid}")
  message(FATAL_ERROR "Text the mirror does not read: draw it with the kit (paragraph, note, textLine), "
                      "or say on the line which mirrored node speaks it (// said by ...):\n  ${unsaid}")
endif()
message(STATUS "Every text call in ${UI_DIR} reaches the mirror")
