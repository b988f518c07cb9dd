import QtQuick
import QtQuick.Controls
import FirstContact

// A small coloured label for a flag or access need: words, not only colour.
Label {
    id: root
    property string kind: "access_need" // staff_safety, vulnerability, access_need
    padding: 3
    leftPadding: 6
    rightPadding: 6
    font.pixelSize: Theme.smallSize
    font.bold: kind === "staff_safety"
    color: kind === "staff_safety" ? Theme.textOnAccent : Theme.text
    elide: Text.ElideRight
    background: Rectangle {
        radius: Theme.radius
        color: root.kind === "staff_safety" ? Theme.danger : root.kind === "vulnerability" ? Theme.warning : Theme.info
        border.color: root.kind === "vulnerability" ? Theme.warningBorder : "transparent"
    }
}
