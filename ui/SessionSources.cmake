# Sources of fc_ui for this area (appended to FC_UI_SOURCES by ui/CMakeLists.txt).
list(APPEND FC_UI_SOURCES
)
