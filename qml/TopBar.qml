import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// Who is signed in, the contact buttons, lock and sign out.
Rectangle {
    id: root
    required property SessionModel session
    property bool contactActive: false
    property var channelOptions: [] // [{key, title}] of every channel
    signal startCallRequested()
    signal startCounterRequested()
    signal startChannelRequested(string channel)

    function openChannels() { if (!root.contactActive) channelMenu.open() }

    implicitHeight: row.implicitHeight + Theme.spacing * 2
    color: Theme.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.spacing

        Label {
            text: qsTr("FirstContact")
            color: Theme.textOnAccent
            font.pixelSize: Theme.headingSize
            font.bold: true
        }
        Item { Layout.fillWidth: true }
        FcButton {
            objectName: "startCallButton"
            text: qsTr("New phone contact")
            enabled: !root.contactActive
            shortcutText: "Ctrl+Shift+C"
            toolTipText: qsTr("Start timing a phone contact with the customer on screen, or an anonymous one")
            onClicked: root.startCallRequested()
        }
        FcButton {
            objectName: "startCounterButton"
            text: qsTr("New counter contact")
            enabled: !root.contactActive
            shortcutText: "Ctrl+Shift+F"
            toolTipText: qsTr("Start timing a face-to-face contact at the counter")
            onClicked: root.startCounterRequested()
        }
        FcButton {
            id: otherChannelButton
            objectName: "otherChannelButton"
            text: qsTr("Other channel…")
            enabled: !root.contactActive
            shortcutText: "Ctrl+Shift+O"
            toolTipText: qsTr("Start a contact that came by email, web form, webchat, video relay, letter or social media")
            onClicked: root.openChannels()
            Menu {
                id: channelMenu
                objectName: "channelMenu"
                y: otherChannelButton.height
                Instantiator {
                    // Phone and face to face have their own buttons.
                    model: root.channelOptions.filter(function(c) { return c.key !== "phone" && c.key !== "face_to_face" })
                    delegate: MenuItem {
                        required property var modelData
                        text: modelData.title
                        Accessible.name: qsTr("New %1 contact").arg(modelData.title)
                        onTriggered: root.startChannelRequested(modelData.key)
                    }
                    onObjectAdded: function(index, object) { channelMenu.insertItem(index, object) }
                    onObjectRemoved: function(index, object) { channelMenu.removeItem(object) }
                }
            }
        }
        Label {
            objectName: "signedInAs"
            Layout.leftMargin: Theme.spacing
            color: Theme.textOnAccent
            text: root.session.team !== ""
                  ? qsTr("%1 · %2").arg(root.session.displayName !== "" ? root.session.displayName : root.session.userName).arg(root.session.team)
                  : (root.session.displayName !== "" ? root.session.displayName : root.session.userName)
        }
        FcButton {
            objectName: "lockButton"
            text: qsTr("Lock")
            shortcutText: "Ctrl+L"
            toolTipText: qsTr("Lock this desk; your work stays open")
            onClicked: root.session.lockNow()
        }
        FcButton {
            objectName: "signOutButton"
            text: qsTr("Sign out")
            enabled: !root.contactActive
            toolTipText: root.contactActive ? qsTr("Wrap up the open contact first") : qsTr("Sign out of this desk")
            onClicked: root.session.signOut()
        }
    }
}
