import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// A field changed on two desks at once: both values side by side, a person chooses. Below them, any
// change the server refused, with its reason, so nothing typed is lost silently.
Rectangle {
    id: root
    required property ConflictsModel conflicts
    signal closeRequested()
    color: Theme.page

    Component.onCompleted: { root.conflicts.reload(); list.forceActiveFocus() }
    Keys.onEscapePressed: root.closeRequested()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Conflicts to settle")
                font.pixelSize: Theme.titleSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Layout.fillWidth: true
            }
            FcButton {
                objectName: "closeConflictsButton"
                text: qsTr("Back")
                shortcutText: "Esc"
                onClicked: root.closeRequested()
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.secondaryText
            text: root.conflicts.count === 0
                  ? qsTr("Nothing to settle: no field has been changed in two places at once.")
                  : qsTr("Someone else changed the same detail while this desk's change was on its way. Check with the customer if you can, then keep one value.")
        }
        Label {
            visible: root.conflicts.errorText !== ""
            text: root.conflicts.errorText
            color: Theme.dangerStrong
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }

        ListView {
            id: list
            objectName: "conflictList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: Theme.baseSize * 10
            clip: true
            spacing: Theme.spacing
            model: root.conflicts
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conflicts")
            ScrollBar.vertical: ScrollBar { }
            delegate: Card {
                id: conflict
                required property int index
                required property string id
                required property string entityText
                required property string recordName
                required property string fieldText
                required property string serverValueText
                required property string clientValueText
                required property string serverSideText
                required property string clientSideText
                required property string createdAtText
                width: ListView.view.width
                title: qsTr("%1 of %2").arg(conflict.fieldText).arg(conflict.recordName)
                border.width: ListView.isCurrentItem && list.activeFocus ? 3 : 1
                border.color: ListView.isCurrentItem && list.activeFocus ? Theme.text : Theme.border
                Label { text: qsTr("%1 · noticed %2").arg(conflict.entityText).arg(conflict.createdAtText); color: Theme.secondaryText }
                // Two columns, one row each for who, what and the choice, so the sides line up.
                GridLayout {
                    id: sides
                    Layout.fillWidth: true
                    columns: 2
                    columnSpacing: Theme.padding
                    rowSpacing: 4
                    readonly property real half: (width - columnSpacing) / 2
                    Label { text: conflict.serverSideText; color: Theme.secondaryText; wrapMode: Text.WordWrap; Layout.preferredWidth: sides.half }
                    Label { text: conflict.clientSideText; color: Theme.secondaryText; wrapMode: Text.WordWrap; Layout.preferredWidth: sides.half }
                    Label { objectName: "serverValue"; text: conflict.serverValueText; font.pixelSize: Theme.headingSize; color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: sides.half }
                    Label { objectName: "clientValue"; text: conflict.clientValueText; font.pixelSize: Theme.headingSize; color: Theme.text; wrapMode: Text.WordWrap; Layout.preferredWidth: sides.half }
                    FcButton {
                        objectName: "keepServerButton"
                        text: qsTr("Keep this one")
                        Accessible.name: qsTr("Keep %1 for %2").arg(conflict.serverValueText).arg(conflict.fieldText)
                        enabled: !root.conflicts.busy
                        onClicked: root.conflicts.resolve(conflict.id, "server")
                    }
                    FcButton {
                        objectName: "keepClientButton"
                        text: qsTr("Keep this one")
                        Accessible.name: qsTr("Keep %1 for %2").arg(conflict.clientValueText).arg(conflict.fieldText)
                        enabled: !root.conflicts.busy
                        onClicked: root.conflicts.resolve(conflict.id, "client")
                    }
                }
            }
        }

        Card {
            objectName: "rejectedCard"
            visible: root.conflicts.rejected && root.conflicts.rejected.count > 0
            Layout.fillWidth: true
            title: qsTr("Changes the server refused")
            Repeater {
                model: root.conflicts.rejected
                delegate: RowLayout {
                    id: refused
                    required property string id
                    required property string operationText
                    required property string recordName
                    required property string message
                    required property string rejectedAtText
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        color: Theme.text
                        text: qsTr("%1 of %2, refused %3: %4").arg(refused.operationText).arg(refused.recordName)
                                  .arg(refused.rejectedAtText).arg(refused.message)
                    }
                    FcButton {
                        text: qsTr("Dismiss")
                        Accessible.name: qsTr("Dismiss the refused %1 of %2").arg(refused.operationText).arg(refused.recordName)
                        toolTipText: qsTr("You have dealt with it (for example, made the change again)")
                        onClicked: root.conflicts.dismissRejected(refused.id)
                    }
                }
            }
        }
    }
}
