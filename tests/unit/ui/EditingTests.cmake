# Unit tests of this area's view models (included from tests/unit/ui/CMakeLists.txt).
