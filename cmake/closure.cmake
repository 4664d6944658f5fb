# closure.cmake: the page's Emscripten glue (attention-tour.js) goes through Google's Closure
# Compiler in ADVANCED mode (emcc --closure 1): 20.7 KB -> 12.8 KB gzipped.
# Debian's emscripten cannot find a Closure Compiler by itself (its npm lookup is patched out),
# but it runs the one named by EM_CLOSURE_COMPILER (tools/config.py reads EM_<KEY> overrides of
# its config). The compiler comes from npm (package.json, google-closure-compiler 20220104, of
# Emscripten 3.1.6's time; scripts/setup.sh runs npm ci): its native Linux binary, or failing
# that its jar under Java. The variable is set for the link step of the page alone.
# What the page's scripts share with the EM_ASM / EM_JS blocks is kept by cmake/closure_externs.js.
set(AT_CLOSURE_NATIVE "${CMAKE_SOURCE_DIR}/node_modules/google-closure-compiler-linux/compiler")
set(AT_CLOSURE_JAR "${CMAKE_SOURCE_DIR}/node_modules/google-closure-compiler-java/compiler.jar")
set(AT_CLOSURE_EXTERNS "${CMAKE_SOURCE_DIR}/cmake/closure_externs.js")

if(EXISTS "${AT_CLOSURE_NATIVE}")
  set(AT_CLOSURE_COMMAND "${AT_CLOSURE_NATIVE}")
else()
  find_program(AT_JAVA java)
  if(AT_JAVA AND EXISTS "${AT_CLOSURE_JAR}")
    # EM_CLOSURE_COMPILER names one program, so the jar is started by a two-line script.
    set(AT_CLOSURE_COMMAND "${CMAKE_BINARY_DIR}/closure-compiler.sh")
    file(WRITE "${AT_CLOSURE_COMMAND}" "#!/bin/sh\nexec '${AT_JAVA}' -jar '${AT_CLOSURE_JAR}' \"$@\"\n")
    file(CHMOD "${AT_CLOSURE_COMMAND}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
         GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  else()
    set(AT_CLOSURE_COMMAND "")
    message(WARNING "No Closure Compiler in ${CMAKE_SOURCE_DIR}/node_modules (run scripts/setup.sh): "
                    "the page's glue is built without it, 7.8 KB heavier gzipped.")
  endif()
endif()

# at_closure(target): link the target's glue through the Closure Compiler, when there is one.
function(at_closure target)
  if(NOT AT_CLOSURE_COMMAND)
    target_link_options(${target} PRIVATE --closure=0)
    return()
  endif()
  set_property(TARGET ${target} PROPERTY CXX_LINKER_LAUNCHER
               ${CMAKE_COMMAND} -E env "EM_CLOSURE_COMPILER=${AT_CLOSURE_COMMAND}")
  target_link_options(${target} PRIVATE --closure=1 "--closure-args=--externs=${AT_CLOSURE_EXTERNS}")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS "${AT_CLOSURE_EXTERNS}")
  # Each link first checks that the externs name what the target's EM_ASM / EM_JS blocks use.
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  list(FILTER sources INCLUDE REGEX "\\.cpp$")
  list(TRANSFORM sources PREPEND "${source_dir}/" REGEX "^[^/]")
  string(JOIN "," sources_argument ${sources})
  add_custom_command(TARGET ${target} PRE_LINK
    COMMAND ${CMAKE_COMMAND} -DSOURCES=${sources_argument} -DEXTERNS=${AT_CLOSURE_EXTERNS}
            -P ${CMAKE_SOURCE_DIR}/cmake/check_closure_externs.cmake
    COMMENT "Checking that cmake/closure_externs.js names what the page's scripts share with the glue")
endfunction()
