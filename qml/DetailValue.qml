import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact

// A value in the details grid: selectable so it can be read out or copied.
TextEdit {
    readOnly: true
    selectByMouse: true
    color: Theme.text
    wrapMode: Text.WordWrap
    textFormat: TextEdit.PlainText
    font.pixelSize: Theme.baseSize
    Layout.fillWidth: true
    activeFocusOnPress: false
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
