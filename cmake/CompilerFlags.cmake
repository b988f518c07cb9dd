# Project-wide warnings and Qt's strict string/URL/connect checks (see shared/STYLE.md).
# Applied through an interface target so third-party code is never built with them.

add_library(fc_compile_options INTERFACE)
add_library(fc::compile_options ALIAS fc_compile_options)

target_compile_options(fc_compile_options INTERFACE -Wall -Wextra -Wpedantic)
if(FC_WERROR)
    target_compile_options(fc_compile_options INTERFACE -Werror)
endif()

target_compile_definitions(fc_compile_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(FC_SANITIZE)
    # Applied globally so every object, test and program carries the same runtime.
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# fc_add_library(NAME SOURCES ... DEPENDS ...) builds one static library per layer.
function(fc_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPENDS;PRIVATE_DEPENDS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPENDS} PRIVATE fc::compile_options ${ARG_PRIVATE_DEPENDS})
    # Headers are included as "core/Result.h", "storage/CipherDriver.h", ...
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/src" "${PROJECT_SOURCE_DIR}")
endfunction()
