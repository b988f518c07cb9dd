import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// Edit a customer's details, checked as typed. A change of address is one "tell us once" move that
// updates the address for every service the customer has.
Dialog {
    id: root
    required property CustomerEditModel editor

    parent: Overlay.overlay
    modal: true
    width: Math.min(parent ? parent.width - Theme.padding * 4 : 800, Theme.baseSize * 52)
    height: Math.min(parent ? parent.height - Theme.padding * 4 : 700, Theme.baseSize * 50)
    title: root.editor.isNew ? qsTr("New customer") : qsTr("Edit details")
    closePolicy: Popup.CloseOnEscape
    onOpened: givenName.field.forceActiveFocus()

    function err(key) {
        const e = root.editor.fieldErrors[key]
        return e === undefined ? "" : e
    }

    footer: DialogButtonBox {
        FcButton {
            objectName: "saveCustomerButton"
            text: qsTr("Save")
            primary: true
            enabled: root.editor.valid && (root.editor.dirty || root.editor.isNew) && !root.editor.busy
            shortcutText: "Ctrl+S"
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            onClicked: root.editor.save()
        }
        FcButton {
            text: qsTr("Cancel")
            shortcutText: "Esc"
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            onClicked: { root.editor.revert(); root.close() }
        }
    }
    Shortcut { sequence: "Ctrl+S"; enabled: root.visible && root.editor.valid; onActivated: root.editor.save() }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing

            Label {
                objectName: "editError"
                visible: text !== ""
                text: root.editor.errorText
                color: Theme.dangerStrong
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                columnSpacing: Theme.spacing
                FcTextField { readOnly: root.editor.busy; label: qsTr("Title"); text: root.editor.title; onEdited: function(v) { root.editor.title = v }; Layout.fillWidth: true }
                FcTextField { readOnly: root.editor.busy; label: qsTr("Preferred name"); text: root.editor.preferredName; onEdited: function(v) { root.editor.preferredName = v }; Layout.fillWidth: true }
                FcTextField {
                    readOnly: root.editor.busy // until the record is read, and while it saves: nothing typed is lost
                    id: givenName
                    objectName: "givenNameField"
                    label: qsTr("Given name")
                    text: root.editor.givenName
                    errorText: root.err("givenName")
                    onEdited: function(v) { root.editor.givenName = v }
                    Layout.fillWidth: true
                }
                FcTextField {
                    readOnly: root.editor.busy // until the record is read, and while it saves: nothing typed is lost
                    objectName: "familyNameField"
                    label: qsTr("Family name")
                    text: root.editor.familyName
                    errorText: root.err("familyName")
                    onEdited: function(v) { root.editor.familyName = v }
                    Layout.fillWidth: true
                }
                FcTextField {
                    readOnly: root.editor.busy // until the record is read, and while it saves: nothing typed is lost
                    objectName: "dateOfBirthField"
                    label: qsTr("Date of birth (dd/mm/yyyy)")
                    text: root.editor.dateOfBirthText
                    errorText: root.err("dateOfBirth")
                    onEdited: function(v) { root.editor.dateOfBirthText = v }
                    Layout.fillWidth: true
                }
                Item { Layout.fillWidth: true }
            }

            Label { text: qsTr("Phone numbers"); font.bold: true; color: Theme.text }
            Repeater {
                model: root.editor.phones
                delegate: RowLayout {
                    required property int index
                    required property string modelData
                    Layout.fillWidth: true
                    FcTextField {
                        readOnly: root.editor.busy // until the record is read, and while it saves: nothing typed is lost
                        objectName: "phoneField" + index
                        Layout.fillWidth: true
                        label: qsTr("Phone %1").arg(index + 1)
                        text: modelData
                        errorText: root.err("phones." + index)
                        onEdited: function(v) { root.editor.setPhone(index, v) }
                    }
                    FcButton { text: qsTr("Remove"); Accessible.name: qsTr("Remove phone %1").arg(index + 1); onClicked: root.editor.removePhone(index) }
                }
            }
            FcButton { objectName: "addPhoneButton"; text: qsTr("Add a phone number"); onClicked: root.editor.addPhone() }

            Label { text: qsTr("Email addresses"); font.bold: true; color: Theme.text }
            Repeater {
                model: root.editor.emails
                delegate: RowLayout {
                    required property int index
                    required property string modelData
                    Layout.fillWidth: true
                    FcTextField {
                        readOnly: root.editor.busy // until the record is read, and while it saves: nothing typed is lost
                        Layout.fillWidth: true
                        label: qsTr("Email %1").arg(index + 1)
                        text: modelData
                        errorText: root.err("emails." + index)
                        onEdited: function(v) { root.editor.setEmail(index, v) }
                    }
                    FcButton { text: qsTr("Remove"); Accessible.name: qsTr("Remove email %1").arg(index + 1); onClicked: root.editor.removeEmail(index) }
                }
            }
            FcButton { text: qsTr("Add an email address"); onClicked: root.editor.addEmail() }

            Label { text: qsTr("Address"); font.bold: true; color: Theme.text; Layout.topMargin: Theme.spacing }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: root.editor.addressChanged ? Theme.text : Theme.secondaryText
                font.bold: root.editor.addressChanged && !root.editor.isNew
                text: root.editor.isNew ? qsTr("Where the customer lives.")
                      : qsTr("Moving house? Change it once here: the new address is used for every service (council tax, waste, housing, benefits…).")
            }
            GridLayout {
                columns: 2
                Layout.fillWidth: true
                columnSpacing: Theme.spacing
                FcTextField { readOnly: root.editor.busy; objectName: "addressLine1Field"; label: qsTr("Address line 1"); text: root.editor.addressLine1; errorText: root.err("addressLine1"); onEdited: function(v) { root.editor.addressLine1 = v }; Layout.fillWidth: true }
                FcTextField { readOnly: root.editor.busy; label: qsTr("Address line 2"); text: root.editor.addressLine2; onEdited: function(v) { root.editor.addressLine2 = v }; Layout.fillWidth: true }
                FcTextField { readOnly: root.editor.busy; objectName: "townField"; label: qsTr("Town"); text: root.editor.town; errorText: root.err("town"); onEdited: function(v) { root.editor.town = v }; Layout.fillWidth: true }
                FcTextField { readOnly: root.editor.busy; objectName: "postcodeField"; label: qsTr("Postcode"); text: root.editor.postcode; errorText: root.err("postcode"); onEdited: function(v) { root.editor.postcode = v }; Layout.fillWidth: true }
                FcTextField { readOnly: root.editor.busy; label: qsTr("UPRN"); text: root.editor.uprn; errorText: root.err("uprn"); onEdited: function(v) { root.editor.uprn = v }; Layout.fillWidth: true }
            }

            GridLayout {
                columns: 2
                Layout.fillWidth: true
                Label { text: qsTr("Preferred language"); color: Theme.text }
                ComboBox {
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Preferred language")
                    model: root.editor.languageOptions
                    textRole: "title"
                    valueRole: "key"
                    currentIndex: { for (let i = 0; i < model.length; ++i) if (model[i].key === root.editor.preferredLanguage) return i; return -1 }
                    onActivated: root.editor.preferredLanguage = currentValue
                }
                Label { text: qsTr("Preferred channel"); color: Theme.text }
                ComboBox {
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Preferred channel")
                    model: root.editor.channelOptions
                    textRole: "title"
                    valueRole: "key"
                    currentIndex: { for (let i = 0; i < model.length; ++i) if (model[i].key === root.editor.preferredChannel) return i; return -1 }
                    onActivated: root.editor.preferredChannel = currentValue
                }
            }
        }
    }
}
