# Sources of fc_ui for this area (appended to FC_UI_SOURCES by ui/CMakeLists.txt).
list(APPEND FC_UI_SOURCES
    # --- editing details, "tell us once"
    CustomerEditModel.h CustomerEditModel.cpp
    # --- the contact under way, wrap-up, linking anonymous contacts
    ContactModel.h ContactModel.cpp
    # --- scripted resolution flows beside the customer view (issue 7)
    ScriptRunnerModel.h ScriptRunnerModel.cpp
    # --- screen-pop: one instance per desk user, the caller looked up
    ScreenPopServer.h ScreenPopServer.cpp
    ScreenPopModel.h ScreenPopModel.cpp
)
