import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// Always visible: online, syncing with progress, offline since hh:mm with N waiting, conflicts.
Rectangle {
    id: root
    required property SessionModel session
    readonly property SyncStatusModel sync: session.sync
    signal conflictsRequested()

    implicitHeight: row.implicitHeight + Theme.spacing
    color: Theme.surface
    border.color: Theme.border

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.spacing

        Rectangle {
            width: Theme.baseSize * 0.8
            height: width
            radius: width / 2
            color: root.sync.online ? Theme.success : root.sync.syncing ? Theme.accent : Theme.offline
        }
        Label {
            objectName: "syncSummary"
            Layout.fillWidth: true
            elide: Text.ElideRight
            text: root.sync.summaryText
            color: root.sync.online || root.sync.syncing ? Theme.text : Theme.offline
            font.bold: !root.sync.online
            Accessible.role: Accessible.StatusBar
            Accessible.name: text
            ToolTip.visible: statusHover.hovered && root.sync.detailText !== ""
            ToolTip.text: root.sync.detailText
            HoverHandler { id: statusHover }
        }
        ProgressBar {
            visible: root.sync.syncing && root.sync.progress >= 0
            from: 0; to: 1
            value: root.sync.progress
            Layout.preferredWidth: Theme.baseSize * 8
            Accessible.name: qsTr("Sync progress")
        }
        FcButton {
            objectName: "signInAgainButton"
            visible: root.session.needsSignInAgain
            danger: true
            text: qsTr("Sign in again")
            toolTipText: qsTr("Your session with the server ended; changes wait on this desk until you sign in")
            onClicked: reauth.open()
        }
        FcButton {
            objectName: "conflictsButton"
            visible: root.sync.conflictCount > 0 || root.sync.rejectedCount > 0
            danger: true
            text: root.sync.conflictCount > 0 ? qsTr("%n conflict(s) to settle", "", root.sync.conflictCount)
                                              : qsTr("%n change(s) refused", "", root.sync.rejectedCount)
            shortcutText: "Ctrl+Shift+K"
            onClicked: root.conflictsRequested()
        }
        FcButton {
            objectName: "syncNowButton"
            text: qsTr("Sync now")
            shortcutText: "F5"
            enabled: !root.sync.syncing
            onClicked: root.sync.syncNow()
        }
    }

    Dialog {
        id: reauth
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Sign in again")
        standardButtons: Dialog.Ok | Dialog.Cancel
        onOpened: { reauthPassword.text = ""; reauthPassword.field.forceActiveFocus() }
        onAccepted: { root.session.reauthenticate(reauthPassword.text); reauthPassword.text = "" }
        FcTextField {
            id: reauthPassword
            width: Theme.baseSize * 24
            label: qsTr("Password for %1").arg(root.session.userName)
            echoMode: TextInput.Password
            onAccepted: reauth.accept()
        }
    }
}
