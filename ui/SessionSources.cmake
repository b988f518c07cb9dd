# Sources of fc_ui for this area (appended to FC_UI_SOURCES by ui/CMakeLists.txt).
list(APPEND FC_UI_SOURCES
    # --- sign in, unlock offline, idle lock, sync status, conflicts (issue 6)
    SyncStatusModel.h SyncStatusModel.cpp
    ConflictsModel.h ConflictsModel.cpp
    SessionModel.h SessionModel.cpp
)
