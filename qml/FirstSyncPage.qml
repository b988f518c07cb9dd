import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// The first sign-in on a desk copies the council's records into the encrypted cache: show how far it is.
Rectangle {
    id: root
    required property SyncStatusModel sync
    color: Theme.page

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, Theme.baseSize * 36)
        spacing: Theme.spacing * 1.5

        Label {
            text: qsTr("Getting this desk ready")
            font.pixelSize: Theme.titleSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.secondaryText
            text: qsTr("This is the first sign-in on this desk, so it is taking its own encrypted copy of the council's records. It carries on where it stopped if the network drops.")
        }
        ProgressBar {
            objectName: "firstSyncProgress"
            Layout.fillWidth: true
            from: 0
            to: 1
            value: root.sync.progress < 0 ? 0 : root.sync.progress
            indeterminate: root.sync.progress < 0
            Accessible.name: qsTr("First sync progress")
            Accessible.description: root.sync.progressText
        }
        Label {
            objectName: "firstSyncText"
            Layout.fillWidth: true
            text: root.sync.progressText !== "" ? root.sync.progressText : root.sync.summaryText
            color: Theme.text
        }
    }
}
