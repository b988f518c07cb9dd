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
    signal startCallRequested()
    signal startCounterRequested()

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
