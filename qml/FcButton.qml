import QtQuick
import QtQuick.Controls
import FirstContact

// A button with a visible keyboard focus ring, its accessible name, and a tooltip naming its shortcut.
Button {
    id: control
    property string shortcutText: ""
    property bool primary: false
    property bool danger: false
    property string toolTipText: ""

    Accessible.name: text
    Accessible.description: toolTipText
    focusPolicy: Qt.StrongFocus
    font.pixelSize: Theme.baseSize

    ToolTip.visible: (hovered || visualFocus) && (toolTipText !== "" || shortcutText !== "")
    ToolTip.delay: 600
    ToolTip.text: shortcutText === "" ? toolTipText
                                      : (toolTipText === "" ? text : toolTipText) + " (" + shortcutText + ")"

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary || control.danger ? Theme.textOnAccent : Theme.text
        opacity: control.enabled ? 1 : 0.6
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        opacity: control.enabled ? 1 : 0.45
        implicitWidth: 88
        implicitHeight: Math.round(Theme.baseSize * 2.4)
        radius: Theme.radius
        color: control.danger ? Theme.danger
             : control.primary ? Theme.accent
             : control.down ? Theme.selection : Theme.surface
        border.width: control.visualFocus ? 3 : 1
        border.color: control.visualFocus ? Theme.text : Theme.border
        Rectangle { // the focus ring: yellow band inside a dark outline
            anchors.fill: parent
            anchors.margins: 3
            visible: control.visualFocus
            color: "transparent"
            border.width: 3
            border.color: Theme.focus
            radius: Theme.radius
        }
    }
}
