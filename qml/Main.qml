import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("FirstContact")

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("FirstContact")
            font.pixelSize: 32
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("The agent workstation is being built: sign-in, search and the customer view come next.")
            wrapMode: Text.WordWrap
        }
    }
}
