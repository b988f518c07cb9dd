import QtQuick
import QtTest
import FirstContact
import FirstContact.Models

// Conflicts: both values side by side; a choice settles it and it leaves the list.
Item {
    width: 1000
    height: 700

    ConflictsModel { id: conflicts; cacheWorker: testCache; user: "agent" }
    ConflictsPage { id: page; anchors.fill: parent; conflicts: conflicts }
    SignalSpy { id: closed; target: page; signalName: "closeRequested" }

    TestCase {
        name: "ConflictsPage"
        when: windowShown

        function test_bothValuesSideBySideThenKeepTheServers() {
            tryCompare(conflicts, "count", 1, 5000)
            const list = findChild(page, "conflictList")
            tryCompare(list, "count", 1)
            const server = findChild(list.itemAtIndex(0), "serverValue")
            const client = findChild(list.itemAtIndex(0), "clientValue")
            compare(server.text, "PL4 6XX")
            compare(client.text, "PL1 3BB")
            mouseClick(findChild(list.itemAtIndex(0), "keepServerButton"))
            tryCompare(conflicts, "count", 0, 5000)
            compare(list.count, 0)
        }

        function test_escapeGoesBack() {
            page.forceActiveFocus()
            keyClick(Qt.Key_Escape)
            compare(closed.count, 1)
        }
    }
}
