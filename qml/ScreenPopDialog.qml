import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// An incoming call's number matched several customers, or none.
Dialog {
    id: root
    required property ScreenPopModel screenPop
    signal openRequested(string id)
    signal newCustomerRequested(string number)

    parent: Overlay.overlay
    modal: true
    width: Math.min(parent ? parent.width * 0.8 : 600, Theme.baseSize * 40)
    title: root.screenPop.state === "several" ? qsTr("Call from %1: several customers have this number").arg(root.screenPop.numberText)
                                              : qsTr("Call from %1: no customer has this number").arg(root.screenPop.numberText)
    standardButtons: Dialog.Close
    onOpened: list.count > 0 ? list.forceActiveFocus() : newButton.forceActiveFocus()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.text
            text: root.screenPop.state === "several" ? qsTr("Ask the caller who they are, then choose them.")
                                                     : qsTr("A phone contact has started without a customer. Search for them, or add them as a new customer.")
        }
        ListView {
            id: list
            objectName: "screenPopMatches"
            visible: root.screenPop.state === "several"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Theme.baseSize * 20)
            clip: true
            model: root.screenPop.matches
            keyNavigationEnabled: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Customers with this number")
            Keys.onReturnPressed: if (currentItem) currentItem.clicked()
            delegate: ItemDelegate {
                required property int index
                required property string id
                required property string displayName
                required property string reference
                required property string address
                required property string dateOfBirthText
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                text: displayName + " (" + reference + ")" + (dateOfBirthText !== "" ? " · " + dateOfBirthText : "") + " · " + address
                Accessible.name: text
                onClicked: { root.close(); root.openRequested(id) }
            }
        }
        FcButton {
            id: newButton
            objectName: "screenPopNewCustomer"
            text: qsTr("New customer with %1").arg(root.screenPop.numberText)
            onClicked: { root.close(); root.newCustomerRequested(root.screenPop.number) }
        }
    }
}
