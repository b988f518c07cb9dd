import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// Contacts and case events across every channel and service, newest first, with filters.
ColumnLayout {
    id: root
    required property TimelineModel timeline
    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        Label { text: qsTr("Service"); color: Theme.text }
        ComboBox {
            id: serviceFilter
            objectName: "timelineServiceFilter"
            Accessible.name: qsTr("Show the timeline for one service")
            textRole: "title"
            valueRole: "key"
            model: [{ key: "", title: qsTr("All services") }].concat(root.timeline.services)
            onActivated: root.timeline.serviceFilter = currentValue
            Layout.preferredWidth: Theme.baseSize * 14
        }
        Label { text: qsTr("Channel"); color: Theme.text }
        ComboBox {
            id: channelFilter
            objectName: "timelineChannelFilter"
            Accessible.name: qsTr("Show the timeline for one channel")
            textRole: "title"
            valueRole: "key"
            model: [{ key: "", title: qsTr("All channels") }].concat(root.timeline.channels)
            onActivated: root.timeline.channelFilter = currentValue
            Layout.preferredWidth: Theme.baseSize * 12
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "timelineCount"
            color: Theme.secondaryText
            text: root.timeline.count === root.timeline.totalCount
                  ? qsTr("%n event(s)", "", root.timeline.count)
                  : qsTr("%1 of %2 events").arg(root.timeline.count).arg(root.timeline.totalCount)
        }
    }
    Connections {
        target: root.timeline
        function onCustomerIdChanged() { serviceFilter.currentIndex = 0; channelFilter.currentIndex = 0 }
    }

    Label {
        visible: root.timeline.count === 0 && !root.timeline.loading
        text: root.timeline.errorText !== "" ? root.timeline.errorText : qsTr("Nothing recorded yet.")
        color: root.timeline.errorText !== "" ? Theme.dangerStrong : Theme.secondaryText
    }

    Repeater {
        model: root.timeline
        delegate: RowLayout {
            id: event
            required property string whenText
            required property string kind
            required property string kindText
            required property string channelText
            required property string serviceTitle
            required property string reference
            required property string summary
            required property string notes
            required property string agent
            Layout.fillWidth: true
            spacing: Theme.spacing
            Accessible.role: Accessible.ListItem
            Accessible.name: [whenText, kindText, channelText, serviceTitle, reference, summary, notes].filter(function(s) { return s !== "" }).join(", ")

            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 4
                width: 10; height: 10; radius: 5
                color: event.kind === "contact" ? Theme.accent : event.kind === "case_resolved" ? Theme.success : Theme.secondaryText
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 1
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    color: Theme.text
                    font.bold: true
                    text: [event.kindText, event.channelText, event.serviceTitle, event.reference].filter(function(s) { return s !== "" }).join(" · ")
                }
                Label {
                    Layout.fillWidth: true
                    color: Theme.secondaryText
                    font.pixelSize: Theme.smallSize
                    text: event.agent !== "" ? qsTr("%1 · %2").arg(event.whenText).arg(event.agent) : event.whenText
                }
                Label { Layout.fillWidth: true; wrapMode: Text.WordWrap; color: Theme.text; text: event.summary; visible: text !== "" }
                Label { Layout.fillWidth: true; wrapMode: Text.WordWrap; color: Theme.secondaryText; text: event.notes; visible: text !== "" }
            }
        }
    }
}
