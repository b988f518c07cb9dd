import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// The contact under way: its clock, who it is with, and the wrap-up that cannot be skipped.
Rectangle {
    id: root
    required property ContactModel contact
    required property CustomerViewModel customer
    color: Theme.surface
    border.color: Theme.border

    function optionIndex(options, key) {
        for (let i = 0; i < options.length; ++i)
            if (options[i].key === key)
                return i
        return -1
    }

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: root.contact.active
        onActivated: if (root.contact.canWrapUp) root.contact.wrapUp()
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth - Theme.padding * 2
            x: Theme.padding
            spacing: Theme.spacing

            Label {
                Layout.topMargin: Theme.padding
                text: root.contact.correcting ? qsTr("Correcting a contact") : (root.contact.active ? qsTr("Contact under way") : qsTr("Last contact"))
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            Label {
                objectName: "contactClock"
                visible: root.contact.active
                text: root.contact.elapsedText
                font.pixelSize: Theme.titleSize
                font.family: "monospace"
                color: Theme.text
                Accessible.name: qsTr("Handle time %1").arg(text)
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.secondaryText
                visible: root.contact.active
                text: qsTr("%1, started %2").arg(root.contact.channelText).arg(root.contact.startedAtText)
            }
            Rectangle {
                objectName: "repeatWarning"
                Layout.fillWidth: true
                visible: root.contact.active && root.contact.repeatText !== ""
                implicitHeight: repeatLabel.implicitHeight + Theme.spacing * 2
                color: Theme.warning
                border.color: Theme.warningBorder
                radius: Theme.radius
                Accessible.role: Accessible.AlertMessage
                Accessible.name: root.contact.repeatText
                Label {
                    id: repeatLabel
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    text: root.contact.repeatText
                    wrapMode: Text.WordWrap
                    color: Theme.text
                }
            }
            Label {
                objectName: "contactScript"
                Layout.fillWidth: true
                visible: root.contact.active && root.contact.scripted
                wrapMode: Text.WordWrap
                color: Theme.text
                text: qsTr("Script: %1").arg(root.contact.scriptTitle)
                      + (root.contact.scriptCaseCount > 0 ? "\n" + qsTr("Raises %n request(s) at wrap-up", "", root.contact.scriptCaseCount) : "")
            }
            Label {
                objectName: "contactCustomer"
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.text
                text: (root.contact.active ? root.contact.anonymous : root.contact.lastContactAnonymous) ? qsTr("No customer linked (anonymous)")
                      : (root.customer.customerId === root.contact.customerId ? qsTr("With %1").arg(root.customer.displayName)
                                                                                 : qsTr("With a customer"))
            }
            FcButton {
                objectName: "linkContactButton"
                visible: root.customer.hasCustomer && (root.contact.active ? root.contact.anonymous : root.contact.lastContactAnonymous)
                text: qsTr("Link to %1").arg(root.customer.displayName)
                toolTipText: qsTr("This contact was about the customer on screen")
                onClicked: root.contact.linkCustomer(root.customer.customerId)
            }
            FcButton {
                objectName: "correctContactButton"
                visible: root.contact.canCorrectLast
                text: qsTr("Correct it")
                toolTipText: qsTr("A wrapped-up contact is kept as it was; this records a correction that replaces it in the figures")
                onClicked: root.contact.correctLast()
            }
            Label {
                visible: root.contact.correcting
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                color: Theme.secondaryText
                text: qsTr("The contact as recorded stays; wrap-up records this correction beside it, with the same times.")
            }

            ColumnLayout {
                visible: root.contact.active
                Layout.fillWidth: true
                spacing: Theme.spacing

                Label { text: qsTr("Service"); font.bold: true; color: Theme.text }
                ComboBox {
                    objectName: "contactService"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Service")
                    model: root.contact.serviceOptions
                    textRole: "title"
                    valueRole: "key"
                    currentIndex: root.optionIndex(root.contact.serviceOptions, root.contact.service)
                    displayText: currentIndex < 0 ? qsTr("Choose a service…") : currentText
                    onActivated: root.contact.service = currentValue
                }
                Label { text: qsTr("Reason"); font.bold: true; color: Theme.text; visible: root.contact.reasonOptions.length > 0 }
                ComboBox {
                    objectName: "contactReason"
                    visible: root.contact.reasonOptions.length > 0
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Reason for contact")
                    model: root.contact.reasonOptions
                    textRole: "title"
                    valueRole: "key"
                    currentIndex: root.optionIndex(root.contact.reasonOptions, root.contact.reason)
                    displayText: currentIndex < 0 ? qsTr("Choose a reason…") : currentText
                    onActivated: root.contact.reason = currentValue
                }
                Label { text: qsTr("Outcome"); font.bold: true; color: Theme.text }
                ComboBox {
                    objectName: "contactOutcome"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Outcome")
                    model: root.contact.outcomeOptions
                    textRole: "title"
                    valueRole: "key"
                    currentIndex: root.optionIndex(root.contact.outcomeOptions, root.contact.outcome)
                    displayText: currentIndex < 0 ? qsTr("Choose how it ended…") : currentText
                    onActivated: root.contact.outcome = currentValue
                }
                Label { text: qsTr("Demand"); font.bold: true; color: Theme.text }
                ComboBox {
                    objectName: "contactDemand"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Value or failure demand")
                    model: root.contact.demandOptions
                    textRole: "title"
                    valueRole: "key"
                    currentIndex: root.optionIndex(root.contact.demandOptions, root.contact.demand)
                    displayText: currentIndex < 0 ? qsTr("Value or failure demand?") : currentText
                    onActivated: root.contact.demand = currentValue
                }
                Label { text: qsTr("Notes"); font.bold: true; color: Theme.text }
                TextArea {
                    objectName: "contactNotes"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.baseSize * 6
                    wrapMode: TextEdit.Wrap
                    Accessible.name: qsTr("Notes")
                    text: root.contact.notes
                    onTextChanged: if (text !== root.contact.notes) root.contact.notes = text
                    KeyNavigation.priority: KeyNavigation.BeforeItem
                    KeyNavigation.tab: wrapUpButton
                    background: Rectangle {
                        border.width: parent.activeFocus ? 3 : 1
                        border.color: parent.activeFocus ? Theme.text : Theme.border
                        color: Theme.surface
                    }
                }
                Label {
                    objectName: "wrapUpErrors"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.dangerStrong
                    visible: text !== ""
                    text: root.contact.errorText !== "" ? root.contact.errorText
                          : (root.contact.canWrapUp ? "" : root.contact.wrapUpErrorText)
                }
                FcButton {
                    id: wrapUpButton
                    objectName: "wrapUpButton"
                    primary: true
                    text: qsTr("Wrap up")
                    enabled: root.contact.canWrapUp && !root.contact.busy
                    shortcutText: "Ctrl+Enter"
                    toolTipText: qsTr("Record the contact; it cannot be changed afterwards")
                    onClicked: root.contact.wrapUp()
                }
            }
        }
    }
}
