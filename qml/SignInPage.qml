import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// Sign in to the server, or unlock this desk's copy offline with the same password when the server
// cannot be reached (the session model decides which; this page only asks and shows the answer).
Rectangle {
    id: root
    required property SessionModel session
    color: Theme.page

    function submit() {
        if (root.session.busy)
            return
        if (root.session.state === "needs_old_password")
            root.session.rewrapWithOldPassword(oldPassword.text)
        else
            root.session.signIn(userName.text, password.text)
        password.text = ""
        oldPassword.text = ""
    }

    onVisibleChanged: if (visible) userName.field.forceActiveFocus()
    Component.onCompleted: if (visible) (userName.text === "" ? userName.field : password.field).forceActiveFocus()

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, Theme.baseSize * 34)
        height: form.implicitHeight + 2 * Theme.padding * 2
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius

        ColumnLayout {
            id: form
            anchors.fill: parent
            anchors.margins: Theme.padding * 2
            spacing: Theme.spacing * 1.5

            Label {
                text: qsTr("FirstContact")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                text: qsTr("Sign in with your council account. If the server cannot be reached, the same password opens this desk's own copy so you can keep working.")
                wrapMode: Text.WordWrap
                color: Theme.secondaryText
                Layout.fillWidth: true
            }
            FcTextField {
                id: serverUrl
                objectName: "serverUrlField"
                Layout.fillWidth: true
                label: qsTr("Server")
                text: root.session.serverUrl
                onEdited: function(value) { root.session.serverUrl = value }
                KeyNavigation.tab: userName.field
            }
            FcTextField {
                id: userName
                objectName: "userNameField"
                Layout.fillWidth: true
                label: qsTr("User name")
                text: root.session.userName
                field.inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                onAccepted: password.field.forceActiveFocus()
            }
            FcTextField {
                id: password
                objectName: "passwordField"
                Layout.fillWidth: true
                label: root.session.state === "needs_old_password" ? qsTr("New password") : qsTr("Password")
                echoMode: TextInput.Password
                visible: root.session.state !== "needs_old_password"
                onAccepted: root.submit()
            }
            FcTextField {
                id: oldPassword
                objectName: "oldPasswordField"
                Layout.fillWidth: true
                visible: root.session.state === "needs_old_password"
                label: qsTr("Your previous password")
                echoMode: TextInput.Password
                onAccepted: root.submit()
            }
            Label {
                visible: root.session.state === "needs_old_password"
                text: qsTr("Your password has changed since this desk last saw it. Enter the previous one once so this desk's copy opens with the new one from now on.")
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                color: Theme.text
            }
            Label {
                objectName: "signInError"
                visible: text !== ""
                text: root.session.errorText
                color: Theme.dangerStrong
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            RowLayout {
                Layout.fillWidth: true
                FcButton {
                    objectName: "signInButton"
                    primary: true
                    text: root.session.state === "needs_old_password" ? qsTr("Open this desk's copy") : qsTr("Sign in")
                    enabled: !root.session.busy
                    shortcutText: qsTr("Enter")
                    onClicked: root.submit()
                }
                BusyIndicator {
                    running: root.session.busy
                    visible: running
                    Layout.preferredHeight: Theme.baseSize * 2
                    Layout.preferredWidth: Theme.baseSize * 2
                    Accessible.name: qsTr("Signing in")
                }
                Label {
                    visible: root.session.busy
                    text: qsTr("Signing in…")
                    color: Theme.secondaryText
                }
            }
        }
    }
}
