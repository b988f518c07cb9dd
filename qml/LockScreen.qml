import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// Shown after the idle time or Ctrl+L. Hides every record; the same person unlocks with their password,
// and whatever they had open (a contact under way) is still there.
Rectangle {
    id: root
    required property SessionModel session
    property bool contactActive: false
    color: Theme.page

    onVisibleChanged: if (visible) { password.text = ""; password.field.forceActiveFocus() }

    // Keep clicks and keys from reaching the hidden workstation.
    MouseArea { anchors.fill: parent; acceptedButtons: Qt.AllButtons; hoverEnabled: true }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, Theme.baseSize * 32)
        height: column.implicitHeight + 4 * Theme.padding
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.padding * 2
            spacing: Theme.spacing * 1.5

            Label {
                text: qsTr("This desk is locked")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.text
                text: qsTr("%1 is signed in. Enter the password to carry on where you left off.")
                        .arg(root.session.displayName !== "" ? root.session.displayName : root.session.userName)
            }
            FcTextField {
                id: password
                objectName: "unlockPasswordField"
                Layout.fillWidth: true
                label: qsTr("Password")
                echoMode: TextInput.Password
                onAccepted: unlockButton.clicked()
            }
            Label {
                objectName: "unlockError"
                visible: text !== ""
                text: root.session.errorText
                color: Theme.dangerStrong
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            RowLayout {
                FcButton {
                    id: unlockButton
                    objectName: "unlockButton"
                    primary: true
                    text: qsTr("Unlock")
                    enabled: !root.session.busy
                    shortcutText: qsTr("Enter")
                    onClicked: { root.session.unlock(password.text); password.text = "" }
                }
                FcButton {
                    objectName: "switchUserButton"
                    text: qsTr("Sign out")
                    enabled: !root.contactActive
                    toolTipText: root.contactActive ? qsTr("A contact is still open: unlock and wrap it up first.")
                                                    : qsTr("Sign out so someone else can use this desk")
                    onClicked: root.session.signOut()
                }
                BusyIndicator {
                    running: root.session.busy
                    visible: running
                    Layout.preferredHeight: Theme.baseSize * 2
                    Layout.preferredWidth: Theme.baseSize * 2
                    Accessible.name: qsTr("Checking the password")
                }
            }
        }
    }
}
