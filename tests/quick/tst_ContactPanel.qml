import QtQuick
import QtTest
import FirstContact
import FirstContact.Models

// A contact: the clock runs, wrap-up waits for an outcome and demand, Ctrl+Enter records it, and an
// anonymous contact can be linked to the customer on screen afterwards.
Item {
    width: 500
    height: 900

    ContactModel { id: contact; cacheWorker: testCache; user: "agent" }
    CustomerViewModel { id: customer; cacheWorker: testCache }
    ContactPanel { id: panel; anchors.fill: parent; contact: contact; customer: customer }
    SignalSpy { id: wrapped; target: contact; signalName: "wrappedUp" }

    TestCase {
        name: "ContactPanel"
        when: windowShown

        function test_anonymousContactWrappedUpThenLinked() {
            verify(contact.start("phone", ""))
            verify(contact.active)
            const clock = findChild(panel, "contactClock")
            tryVerify(function() { return clock.text !== "00:00" }, 3000)
            const wrapUp = findChild(panel, "wrapUpButton")
            verify(!wrapUp.enabled, "no outcome yet")
            verify(findChild(panel, "wrapUpErrors").text !== "")

            findChild(panel, "contactOutcome").forceActiveFocus()
            keyClick(Qt.Key_Down)
            verify(contact.outcome !== "")
            findChild(panel, "contactDemand").forceActiveFocus()
            keyClick(Qt.Key_Down)
            verify(contact.demand !== "")
            tryVerify(function() { return wrapUp.enabled }, 2000)

            keySequence("ctrl+return")
            tryCompare(wrapped, "count", 1, 5000)
            verify(!contact.active)
            verify(contact.lastContactAnonymous)

            customer.load(testIds.sianJones)
            tryVerify(function() { return customer.hasCustomer }, 5000)
            const link = findChild(panel, "linkContactButton")
            tryVerify(function() { return link.visible })
            mouseClick(link)
            tryVerify(function() { return !contact.lastContactAnonymous }, 5000)
        }
    }
}
