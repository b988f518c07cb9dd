import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact

Label {
    color: Theme.secondaryText
    font.bold: true
    Layout.alignment: Qt.AlignTop
}
