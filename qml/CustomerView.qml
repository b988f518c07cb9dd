import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// The single customer view: warnings first, then who they are, their open cases across every service,
// possible duplicate records, and the timeline of contacts and case events.
FocusScope {
    id: root
    required property CustomerViewModel customer
    property bool contactActive: false
    signal editRequested()
    signal openCustomerRequested(string id)
    signal startContactRequested()

    Rectangle { anchors.fill: parent; color: Theme.page }

    Label {
        objectName: "noCustomerHint"
        anchors.centerIn: parent
        width: parent.width * 0.7
        visible: !root.customer.hasCustomer && !root.customer.loading
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        color: root.customer.errorText !== "" ? Theme.dangerStrong : Theme.secondaryText
        text: root.customer.errorText !== "" ? root.customer.errorText
              : qsTr("Find a customer on the left (Ctrl+K), or start a contact without one.")
    }
    BusyIndicator {
        anchors.centerIn: parent
        running: root.customer.loading && !root.customer.hasCustomer
        visible: running
        Accessible.name: qsTr("Opening the customer's record")
    }

    ScrollView {
        id: scroll
        objectName: "customerScroll"
        anchors.fill: parent
        visible: root.customer.hasCustomer
        contentWidth: availableWidth
        focus: true
        Accessible.name: qsTr("Customer record")

        ColumnLayout {
            width: scroll.availableWidth
            spacing: Theme.spacing * 1.5

            // --- who
            RowLayout {
                Layout.fillWidth: true
                Layout.margins: Theme.padding
                Layout.bottomMargin: 0
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        objectName: "customerName"
                        text: root.customer.displayName
                        font.pixelSize: Theme.titleSize
                        font.bold: true
                        color: Theme.text
                        Accessible.role: Accessible.Heading
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Label {
                        color: Theme.secondaryText
                        text: [root.customer.reference,
                               root.customer.dateOfBirthText !== ""
                                   ? qsTr("born %1 (age %2)").arg(root.customer.dateOfBirthText).arg(root.customer.age) : "",
                               root.customer.preferredName !== "" ? qsTr("prefers “%1”").arg(root.customer.preferredName) : ""]
                              .filter(function(s) { return s !== "" }).join(" · ")
                    }
                }
                FcButton {
                    objectName: "editDetailsButton"
                    text: qsTr("Edit details")
                    shortcutText: "Ctrl+E"
                    toolTipText: qsTr("Change names, phones, emails or address (a move updates every service)")
                    onClicked: root.editRequested()
                }
                FcButton {
                    objectName: "contactForCustomerButton"
                    text: qsTr("Start contact")
                    enabled: !root.contactActive
                    shortcutText: "Ctrl+Shift+C"
                    toolTipText: qsTr("Start timing a phone contact with this customer")
                    onClicked: root.startContactRequested()
                }
            }

            // --- warnings before anything else
            ColumnLayout {
                objectName: "alerts"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.padding
                Layout.rightMargin: Theme.padding
                visible: alertRepeater.count > 0
                spacing: 4
                Repeater {
                    id: alertRepeater
                    model: root.customer.alerts
                    delegate: Rectangle {
                        id: alert
                        required property string kind
                        required property string kindText
                        required property string title
                        required property string note
                        required property string reviewByText
                        required property bool reviewDue
                        Layout.fillWidth: true
                        implicitHeight: alertText.implicitHeight + Theme.spacing * 2
                        radius: Theme.radius
                        color: kind === "staff_safety" ? Theme.danger : kind === "vulnerability" ? Theme.warning : Theme.info
                        border.color: kind === "vulnerability" ? Theme.warningBorder : "transparent"
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: kindText + ": " + title + (note !== "" ? ". " + note : "")
                        Label {
                            id: alertText
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            wrapMode: Text.WordWrap
                            color: alert.kind === "staff_safety" ? Theme.textOnAccent : Theme.text
                            textFormat: Text.PlainText
                            text: alert.kindText.toUpperCase() + " — " + alert.title
                                  + (alert.note !== "" ? "\n" + alert.note : "")
                                  + (alert.reviewByText !== "" ? "\n" + (alert.reviewDue ? qsTr("Review due since %1").arg(alert.reviewByText)
                                                                                       : qsTr("Review by %1").arg(alert.reviewByText)) : "")
                            font.bold: alert.kind === "staff_safety"
                        }
                    }
                }
            }

            // --- details and open cases side by side when there is room
            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.padding
                Layout.rightMargin: Theme.padding
                columns: scroll.availableWidth > Theme.baseSize * 60 ? 2 : 1
                columnSpacing: Theme.spacing * 1.5
                rowSpacing: Theme.spacing * 1.5

                Card {
                    title: qsTr("Details")
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    GridLayout {
                        columns: 2
                        columnSpacing: Theme.spacing
                        rowSpacing: 4
                        Layout.fillWidth: true
                        DetailLabel { text: qsTr("Address") }
                        DetailValue {
                            objectName: "customerAddress"
                            text: root.customer.addressLines.join("\n")
                                  + (root.customer.uprn !== "" ? "\n" + qsTr("UPRN %1").arg(root.customer.uprn) : "")
                        }
                        DetailLabel { text: qsTr("Phone") }
                        DetailValue { objectName: "customerPhones"; text: root.customer.phones.length ? root.customer.phones.join("\n") : qsTr("None held") }
                        DetailLabel { text: qsTr("Email") }
                        DetailValue { text: root.customer.emails.length ? root.customer.emails.join("\n") : qsTr("None held") }
                        DetailLabel { text: qsTr("Language") }
                        DetailValue { text: root.customer.preferredLanguageName !== "" ? root.customer.preferredLanguageName : qsTr("Not recorded") }
                        DetailLabel { text: qsTr("Prefers") }
                        DetailValue { text: root.customer.preferredChannelName !== "" ? root.customer.preferredChannelName : qsTr("Not recorded") }
                        DetailLabel { text: qsTr("Access needs"); visible: root.customer.accessNeeds.length > 0 }
                        DetailValue { visible: root.customer.accessNeeds.length > 0; text: root.customer.accessNeeds.join("\n") }
                    }
                }

                Card {
                    objectName: "openCasesCard"
                    title: root.customer.overdueCount > 0
                           ? qsTr("Open cases (%1) · %2 overdue").arg(root.customer.openCases.count).arg(root.customer.overdueCount)
                           : qsTr("Open cases (%1)").arg(root.customer.openCases.count)
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    Label {
                        visible: root.customer.openCases.count === 0
                        text: qsTr("No open cases in any service.")
                        color: Theme.secondaryText
                    }
                    Repeater {
                        model: root.customer.openCases
                        delegate: ColumnLayout {
                            id: caseRow
                            required property string reference
                            required property string serviceTitle
                            required property string requestTypeText
                            required property string statusText
                            required property string promisedByText
                            required property string riskText
                            required property bool overdue
                            required property bool atRisk
                            required property string summary
                            Layout.fillWidth: true
                            spacing: 1
                            Accessible.role: Accessible.ListItem
                            Accessible.name: [serviceTitle, requestTypeText, reference, statusText,
                                              promisedByText !== "" ? qsTr("promised by %1").arg(promisedByText) : "", riskText].join(", ")
                            RowLayout {
                                Layout.fillWidth: true
                                Label { text: caseRow.serviceTitle + " · " + caseRow.requestTypeText; font.bold: true; color: Theme.text; Layout.fillWidth: true; elide: Text.ElideRight }
                                Label { text: caseRow.reference; color: Theme.secondaryText; font.pixelSize: Theme.smallSize }
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                color: caseRow.overdue ? Theme.dangerStrong : Theme.text
                                font.bold: caseRow.overdue
                                text: caseRow.statusText
                                      + (caseRow.promisedByText !== "" ? " · " + qsTr("promised by %1").arg(caseRow.promisedByText) : "")
                                      + (caseRow.riskText !== "" ? " · " + caseRow.riskText : "")
                            }
                            Label { visible: caseRow.summary !== ""; text: caseRow.summary; color: Theme.secondaryText; Layout.fillWidth: true; wrapMode: Text.WordWrap }
                            Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                        }
                    }
                }
            }

            // --- possible duplicates: a hint, merging is a supervisor's job
            Card {
                objectName: "duplicatesCard"
                visible: root.customer.possibleDuplicates.count > 0
                title: qsTr("Possible duplicate records (%1)").arg(root.customer.possibleDuplicates.count)
                Layout.fillWidth: true
                Layout.leftMargin: Theme.padding
                Layout.rightMargin: Theme.padding
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.secondaryText
                    text: qsTr("These records may be the same person. Check with the caller before choosing one.")
                }
                Repeater {
                    model: root.customer.possibleDuplicates
                    delegate: RowLayout {
                        id: dup
                        required property string id
                        required property string displayName
                        required property string reference
                        required property string dateOfBirthText
                        required property string address
                        required property string reasonText
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            color: Theme.text
                            text: dup.displayName + " (" + dup.reference + ")"
                                  + (dup.dateOfBirthText !== "" ? " · " + dup.dateOfBirthText : "")
                                  + " · " + dup.address + "\n" + dup.reasonText
                        }
                        FcButton {
                            text: qsTr("Open")
                            Accessible.name: qsTr("Open %1").arg(dup.displayName)
                            onClicked: root.openCustomerRequested(dup.id)
                        }
                        FcButton {
                            objectName: "requestMergeButton"
                            text: qsTr("Ask to merge")
                            Accessible.name: qsTr("Ask a supervisor to merge with %1").arg(dup.displayName)
                            toolTipText: qsTr("Raises a request for a supervisor to review both records; merging is theirs")
                            onClicked: root.customer.requestMerge(dup.id)
                        }
                    }
                }
            }

            // --- timeline
            Card {
                objectName: "timelineCard"
                title: qsTr("Timeline")
                Layout.fillWidth: true
                Layout.leftMargin: Theme.padding
                Layout.rightMargin: Theme.padding
                Layout.bottomMargin: Theme.padding
                Timeline {
                    Layout.fillWidth: true
                    timeline: root.customer.timeline
                }
            }
        }
    }
}
