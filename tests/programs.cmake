# Each program answers --version with its name and the project version, and --help, with exit 0 and no
# display (CI machines have none).
foreach(program firstcontact firstcontact-server firstcontact-cli)
    add_test(NAME program_${program}_version COMMAND ${program} --version)
    set_tests_properties(program_${program}_version PROPERTIES
        LABELS "unit;programs"
        PASS_REGULAR_EXPRESSION "^${program} ${PROJECT_VERSION}\n$")
    add_test(NAME program_${program}_help COMMAND ${program} --help)
    set_tests_properties(program_${program}_help PROPERTIES
        LABELS "unit;programs"
        PASS_REGULAR_EXPRESSION "Usage: .*${program}.*--version")
endforeach()

# An unknown command is a usage error: exit 2 and a message naming it.
foreach(program firstcontact-server firstcontact-cli)
    add_test(NAME program_${program}_rejects_unknown_command
        COMMAND sh -c "\"$0\" frobnicate 2>&1; echo \"exit=$?\"" $<TARGET_FILE:${program}>)
    set_tests_properties(program_${program}_rejects_unknown_command PROPERTIES
        LABELS "unit;programs"
        PASS_REGULAR_EXPRESSION "unknown command 'frobnicate'.*exit=2")
endforeach()

# The client loads every QML page it ships; a QML error anywhere fails this (the Itinerary self-test).
add_test(NAME program_firstcontact_self_test COMMAND firstcontact --self-test)
set_tests_properties(program_firstcontact_self_test PROPERTIES
    LABELS "qml;programs"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_RUNTIME_DIR=${CMAKE_BINARY_DIR}/tests/runtime"
    FAIL_REGULAR_EXPRESSION "qrc:/.*(Error|error|is not a type|not installed|ReferenceError|TypeError)")
