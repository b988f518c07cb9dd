# Unit tests of this area's view models (included from tests/unit/ui/CMakeLists.txt).

# --- sign in, unlock offline, idle lock, sync status, conflicts (issue 6)
fc_add_test(tst_SyncStatusModel SOURCES tst_SyncStatusModel.cpp LIBS fc_ui)
fc_add_test(tst_ConflictsModel SOURCES tst_ConflictsModel.cpp UiTestCache.h LIBS fc_ui)
fc_add_test(tst_SessionModel SOURCES tst_SessionModel.cpp UiTestCache.h LIBS fc_ui)

# SessionModel against real firstcontact-server processes (SQLite) over real HTTP: an integration test.
# It links fc_ui (SQLCipher), so never fc_server nor QSQLITE (docs/ARCHITECTURE.md, "Two SQLite libraries").
fc_add_test(tst_SessionOverHttp
    SOURCES tst_SessionOverHttp.cpp UiTestCache.h ../../integration/SyncTestDesk.h ../../integration/ServerProcess.h
    LIBS fc_ui
    LABELS integration
    TIMEOUT 600)
add_dependencies(tst_SessionOverHttp firstcontact-server)
