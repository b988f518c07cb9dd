# Unit tests of this area's view models (included from tests/unit/ui/CMakeLists.txt).
fc_add_test(tst_CustomerEditModel SOURCES tst_CustomerEditModel.cpp UiTestCache.h LIBS fc_ui)
fc_add_test(tst_ContactModel SOURCES tst_ContactModel.cpp UiTestCache.h LIBS fc_ui)
fc_add_test(tst_ScreenPopServer SOURCES tst_ScreenPopServer.cpp LIBS fc_ui)
fc_add_test(tst_ScreenPopModel SOURCES tst_ScreenPopModel.cpp UiTestCache.h LIBS fc_ui)
fc_add_test(tst_ScriptRunnerModel SOURCES tst_ScriptRunnerModel.cpp UiTestCache.h LIBS fc_ui)
