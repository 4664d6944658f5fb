# dependencies.cmake: header-only libraries from Debian, Dear ImGui from the setup cache,
# and the embedded font.
#
# Emscripten's sysroot must not see /usr/include, so header-only dependencies are
# reached through a build-tree folder holding only links to them.
set(AT_DEPS_INCLUDE "${CMAKE_BINARY_DIR}/deps-include")
file(MAKE_DIRECTORY "${AT_DEPS_INCLUDE}")
foreach(dep nlohmann doctest stb)
  if(NOT EXISTS "/usr/include/${dep}")
    message(FATAL_ERROR "/usr/include/${dep} is missing: run scripts/setup.sh")
  endif()
  file(CREATE_LINK "/usr/include/${dep}" "${AT_DEPS_INCLUDE}/${dep}" SYMBOLIC)
endforeach()
add_library(at_header_deps INTERFACE)
target_include_directories(at_header_deps SYSTEM INTERFACE "${AT_DEPS_INCLUDE}")

# embed(<target-var> <input> <symbol> [TEXT]): generated header under build/generated.
set(AT_GENERATED "${CMAKE_BINARY_DIR}/generated")
file(MAKE_DIRECTORY "${AT_GENERATED}")
function(at_embed out_var input symbol)
  set(text 0)
  if(ARGN STREQUAL "TEXT")
    set(text 1)
  endif()
  set(header "${AT_GENERATED}/${symbol}.h")
  add_custom_command(OUTPUT "${header}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${header} -DSYMBOL=${symbol} -DTEXT=${text}
            -P "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
    DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/embed.cmake"
    COMMENT "Embedding ${symbol}")
  set(${out_var} "${header}" PARENT_SCOPE)
endfunction()

if(AT_BUILD_APP)
  if(NOT EXISTS "${AT_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui source not found in ${AT_IMGUI_DIR}: run scripts/setup.sh")
  endif()
  add_library(imgui STATIC
    ${AT_IMGUI_DIR}/imgui.cpp ${AT_IMGUI_DIR}/imgui_draw.cpp
    ${AT_IMGUI_DIR}/imgui_tables.cpp ${AT_IMGUI_DIR}/imgui_widgets.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${AT_IMGUI_DIR})
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS)
  if(AT_WEB)
    target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS)
  endif()

  # The interface font: DejaVu Sans from Debian, cut down to the characters the lesson prints.
  # Debian's python3-fonttools provides the subsetter as a module of the system python.
  find_program(AT_SYSTEM_PYTHON3 python3 PATHS /usr/bin NO_DEFAULT_PATH REQUIRED)
  set(AT_FONT_UNICODES "U+0020-007E,U+00A0-00FF,U+0391-03C9,U+1D40,U+2013-2014,U+2018-201D,U+2022,U+2026,U+2070-209C,U+2190-2199,U+21D2,U+2200-222B,U+2248,U+2260-2265,U+22C5,U+25A0-25CF,U+2713")
  foreach(face Sans Sans-Bold SansMono)
    set(subset "${AT_GENERATED}/DejaVu${face}-subset.ttf")
    add_custom_command(OUTPUT "${subset}"
      COMMAND ${AT_SYSTEM_PYTHON3} -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVu${face}.ttf
              --unicodes=${AT_FONT_UNICODES} --layout-features= --no-hinting --desubroutinize
              --output-file=${subset}
      DEPENDS /usr/share/fonts/truetype/dejavu/DejaVu${face}.ttf
      COMMENT "Subsetting DejaVu${face}")
    string(REPLACE "-" "_" symbol "font_dejavu_${face}")
    string(TOLOWER "${symbol}" symbol)
    at_embed(header "${subset}" ${symbol})
    list(APPEND AT_FONT_HEADERS "${header}")
  endforeach()
  add_custom_target(at_fonts DEPENDS ${AT_FONT_HEADERS})
endif()
