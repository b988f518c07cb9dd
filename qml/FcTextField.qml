import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact

// A labelled text field with its validation message under it (read out by screen readers too).
ColumnLayout {
    id: root
    property alias label: caption.text
    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property alias echoMode: field.echoMode
    property alias field: field
    property alias readOnly: field.readOnly
    property string errorText: ""
    signal accepted()
    signal edited(string text)

    spacing: 2
    Label {
        id: caption
        color: Theme.text
        font.pixelSize: Theme.smallSize
        font.bold: true
    }
    TextField {
        id: field
        Layout.fillWidth: true
        font.pixelSize: Theme.baseSize
        Accessible.name: root.label
        Accessible.description: root.errorText
        selectByMouse: true
        onAccepted: root.accepted()
        onTextEdited: root.edited(text)
        background: Rectangle {
            implicitHeight: Math.round(Theme.baseSize * 2.4)
            radius: Theme.radius
            color: field.readOnly ? Theme.page : Theme.surface
            border.width: field.activeFocus ? 3 : (root.errorText !== "" ? 2 : 1)
            border.color: root.errorText !== "" ? Theme.danger : (field.activeFocus ? Theme.text : Theme.border)
            Rectangle {
                anchors.fill: parent
                anchors.margins: 3
                visible: field.activeFocus
                color: "transparent"
                border.width: 2
                border.color: Theme.focus
            }
        }
    }
    Label {
        visible: root.errorText !== ""
        text: root.errorText
        color: Theme.dangerStrong
        font.pixelSize: Theme.smallSize
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
