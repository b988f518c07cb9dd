import QtQuick
import QtTest
import FirstContact
import FirstContact.Models

// The top bar's contact buttons: phone and counter have their own, every other channel is one menu
// away (Ctrl+Shift+O in the workstation), from the keyboard too; none while a contact is under way.
Item {
    width: 1300
    height: 500

    SessionModel { id: session }
    ContactModel { id: contact }
    TopBar {
        id: bar
        width: parent.width
        session: session
        contactActive: false
        channelOptions: contact.channelOptions
    }
    SignalSpy { id: started; target: bar; signalName: "startChannelRequested" }

    TestCase {
        name: "TopBar"
        when: windowShown

        function test_otherChannelsAreOneMenuAway() {
            const menu = findChild(bar, "channelMenu")
            bar.openChannels()
            tryVerify(function() { return menu.opened })
            compare(menu.count, contact.channelOptions.length - 2) // all but phone and face to face
            for (let i = 0; i < menu.count; ++i)
                verify(menu.itemAt(i).text !== "" && menu.itemAt(i).Accessible.name !== "")
            // Down to the first channel, Enter starts it.
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Return)
            tryCompare(started, "count", 1)
            verify(started.signalArguments[0][0] !== "phone" && started.signalArguments[0][0] !== "face_to_face")
            tryVerify(function() { return !menu.visible })
        }

        function test_noNewContactWhileOneIsUnderWay() {
            bar.contactActive = true
            verify(!findChild(bar, "otherChannelButton").enabled)
            verify(!findChild(bar, "startCallButton").enabled)
            bar.openChannels()
            verify(!findChild(bar, "channelMenu").opened)
            bar.contactActive = false
        }
    }
}
