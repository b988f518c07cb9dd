import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact

// A titled white panel; children are laid out in a column.
Rectangle {
    id: root
    property string title: ""
    default property alias content: column.data

    implicitHeight: column.implicitHeight + Theme.padding * 2
    implicitWidth: column.implicitWidth + Theme.padding * 2
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing
        Label {
            visible: root.title !== ""
            text: root.title
            font.pixelSize: Theme.headingSize
            font.bold: true
            color: Theme.text
            Accessible.role: Accessible.Heading
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
        }
    }
}
