import QtQuick
import QtTest
import FirstContact
import FirstContact.Models

// The single customer view: warnings first, details, open cases, the timeline and its filters.
Item {
    id: root
    width: 1100
    height: 900

    CustomerViewModel { id: customer; cacheWorker: testCache }
    CustomerView { id: view; anchors.fill: parent; customer: customer }
    SignalSpy { id: loaded; target: customer; signalName: "loaded" }
    SignalSpy { id: edit; target: view; signalName: "editRequested" }

    TestCase {
        name: "CustomerView"
        when: windowShown

        function openWarned() {
            loaded.clear()
            customer.load(testIds.warned)
            tryVerify(function() { return loaded.count > 0 && customer.hasCustomer }, 5000)
            tryVerify(function() { return !customer.timeline.loading }, 5000)
        }

        function test_nothingShownSaysWhatToDo() {
            customer.clear()
            const hint = findChild(view, "noCustomerHint")
            verify(hint.visible)
            verify(hint.text.indexOf("Ctrl+K") >= 0)
        }

        function test_warningsComeFirstStaffSafetyOnTop() {
            openWarned()
            const alerts = findChild(view, "alerts")
            verify(alerts.visible)
            verify(customer.alerts.count >= 3)
            compare(customer.alerts.get(0).kind, "staff_safety")
            const name = findChild(view, "customerName")
            // The banner sits above the details card: above everything but the name line.
            const cases = findChild(view, "openCasesCard")
            verify(alerts.mapToItem(view, 0, 0).y < cases.mapToItem(view, 0, 0).y)
            verify(name.text.indexOf("O'Neill-Evans") >= 0, name.text)
        }

        function test_detailsShowAddressWithUprnAndPhones() {
            openWarned()
            const address = findChild(view, "customerAddress")
            verify(address.text.indexOf("PL1 2AA") >= 0, address.text)
            verify(address.text.indexOf("UPRN 100040123") >= 0, address.text)
            const phones = findChild(view, "customerPhones")
            verify(phones.text.indexOf("07700 900123") >= 0, phones.text)
        }

        function test_openCasesShowTheirPromise() {
            openWarned()
            compare(customer.openCases.count, 1)
            const card = findChild(view, "openCasesCard")
            verify(card.title.indexOf("(1)") >= 0, card.title)
        }

        function test_timelineFiltersByChannel() {
            openWarned()
            const total = customer.timeline.totalCount
            verify(total >= 2, "a contact and a case raised")
            customer.timeline.channelFilter = "phone"
            tryVerify(function() { return customer.timeline.count < total })
            const count = findChild(view, "timelineCount")
            verify(count.text.indexOf(String(total)) >= 0, count.text)
            customer.timeline.channelFilter = ""
            compare(customer.timeline.count, total)
        }

        function test_editButtonAsksToEdit() {
            openWarned()
            edit.clear()
            const button = findChild(view, "editDetailsButton")
            mouseClick(button)
            compare(edit.count, 1)
        }
    }
}
