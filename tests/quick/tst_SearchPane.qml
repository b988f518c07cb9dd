import QtQuick
import QtTest
import FirstContact
import FirstContact.Models

// The search box: results as the person types, Down into the list, Enter opens, Escape back.
Item {
    id: root
    width: 480
    height: 700

    CustomerSearchModel { id: search; cacheWorker: testCache; debounceInterval: 10 }
    SearchPane { id: pane; anchors.fill: parent; search: search }
    SignalSpy { id: opened; target: pane; signalName: "openRequested" }
    SignalSpy { id: arrived; target: search; signalName: "resultsArrived" }

    TestCase {
        name: "SearchPane"
        when: windowShown

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function init() {
            opened.clear()
            arrived.clear()
            pane.focusSearch()
            keySequence("ctrl+a")
            keyClick(Qt.Key_Backspace)
            tryCompare(search, "count", 0)
        }

        function test_typingShowsResultsWithMarkers() {
            typeText("jones")
            tryVerify(function() { return arrived.count > 0 && search.count >= 3 }, 5000)
            const list = findChild(pane, "searchResults")
            compare(list.count, search.count)
            const status = findChild(pane, "searchStatus")
            verify(status.text.indexOf(String(search.count)) >= 0, status.text)
        }

        function test_downThenEnterOpensTheChosenCustomer() {
            typeText("jones")
            tryVerify(function() { return search.count >= 2 }, 5000)
            keyClick(Qt.Key_Down)
            const list = findChild(pane, "searchResults")
            verify(list.activeFocus, "Down moves into the results")
            compare(list.currentIndex, 0)
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            keyClick(Qt.Key_Return)
            compare(opened.count, 1)
            compare(opened.signalArguments[0][0], search.idAt(1))
        }

        function test_escapeInTheListGoesBackToTheBox() {
            typeText("jones")
            tryVerify(function() { return search.count >= 1 }, 5000)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Escape)
            verify(pane.searchField.activeFocus)
        }

        function test_enterInTheBoxOpensTheOnlyMatch() {
            typeText("C1000001")
            tryCompare(search, "count", 1, 5000)
            keyClick(Qt.Key_Return)
            compare(opened.count, 1)
            compare(opened.signalArguments[0][0], testIds.sianJones)
        }

        function test_nothingFoundSaysSo() {
            typeText("zzzzqqq")
            tryVerify(function() { return arrived.count > 0 && !search.busy }, 5000)
            compare(search.count, 0)
            const status = findChild(pane, "searchStatus")
            verify(status.text.indexOf("No one found") === 0, status.text)
        }

        function test_everyResultCanBeReadOut() {
            typeText("sian")
            tryVerify(function() { return search.count >= 1 }, 5000)
            const list = findChild(pane, "searchResults")
            const first = list.itemAtIndex(0)
            verify(first.Accessible.name.indexOf("Jones") >= 0, first.Accessible.name)
        }
    }
}
