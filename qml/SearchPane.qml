import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// One box finds anyone: name, phone, email, postcode, address or reference. Results arrive as the
// person types; Down moves into the list, Enter opens, Escape goes back to the box.
Rectangle {
    id: root
    required property CustomerSearchModel search
    readonly property alias searchField: field
    readonly property alias resultList: list
    signal openRequested(string id)

    color: Theme.surface
    border.color: Theme.border

    function focusSearch() {
        field.forceActiveFocus()
        field.selectAll()
    }
    function openCurrent() {
        if (list.currentIndex >= 0)
            root.openRequested(root.search.idAt(list.currentIndex))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        Label {
            text: qsTr("Find a customer")
            font.bold: true
            color: Theme.text
        }
        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            font.pixelSize: Theme.baseSize
            placeholderText: qsTr("Name, phone, email, postcode, address or reference")
            placeholderTextColor: Theme.secondaryText
            Accessible.name: qsTr("Search customers")
            Accessible.description: qsTr("Ctrl+K or F3 comes back here")
            selectByMouse: true
            text: root.search.query
            onTextEdited: { root.search.query = text; list.currentIndex = 0 }
            Keys.onDownPressed: if (list.count > 0) { list.currentIndex = 0; list.forceActiveFocus() }
            Keys.onReturnPressed: {
                if (list.count === 1 || (list.count > 0 && !root.search.busy))
                    root.openRequested(root.search.idAt(0))
                else
                    root.search.searchNow()
            }
            Keys.onEnterPressed: Keys.onReturnPressed(event)
            Keys.onEscapePressed: { text = ""; root.search.query = "" }
            background: Rectangle {
                implicitHeight: Math.round(Theme.baseSize * 2.6)
                radius: Theme.radius
                color: Theme.surface
                border.width: field.activeFocus ? 3 : 1
                border.color: field.activeFocus ? Theme.text : Theme.border
                Rectangle {
                    anchors.fill: parent; anchors.margins: 3; visible: field.activeFocus
                    color: "transparent"; border.width: 2; border.color: Theme.focus
                }
            }
        }
        Label {
            objectName: "searchStatus"
            Layout.fillWidth: true
            color: root.search.errorText !== "" ? Theme.dangerStrong : Theme.secondaryText
            font.pixelSize: Theme.smallSize
            wrapMode: Text.WordWrap
            text: root.search.errorText !== "" ? root.search.errorText
                : root.search.query.trim() === "" ? qsTr("Type to search. Ctrl+K or F3 brings you back here.")
                : root.search.busy ? qsTr("Searching…")
                : root.search.count === 0 ? qsTr("No one found. Check the spelling, or try a phone number or postcode.")
                : qsTr("%n customer(s) found", "", root.search.count) + (root.search.canLoadMore ? qsTr(" (more below)") : "")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        ListView {
            id: list
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.search
            spacing: 2
            keyNavigationEnabled: true
            highlightMoveDuration: 0
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Search results")
            ScrollBar.vertical: ScrollBar { }
            onAtYEndChanged: if (atYEnd && root.search.canLoadMore) root.search.loadMore()
            Keys.onReturnPressed: root.openCurrent()
            Keys.onEnterPressed: root.openCurrent()
            Keys.onEscapePressed: field.forceActiveFocus()
            Keys.onUpPressed: function(event) {
                if (currentIndex <= 0) field.forceActiveFocus(); else decrementCurrentIndex()
            }

            delegate: ItemDelegate {
                id: hit
                required property int index
                required property string displayName
                required property string reference
                required property string address
                required property string dateOfBirthText
                required property int age
                required property bool hasAccessNeeds
                required property string accessNeedsSummary
                required property bool hasSafetyFlag
                required property bool hasVulnerabilityFlag
                required property string flagSummary
                width: ListView.view.width
                highlighted: ListView.isCurrentItem
                focusPolicy: Qt.NoFocus
                Accessible.name: [displayName, dateOfBirthText !== "" ? qsTr("born %1").arg(dateOfBirthText) : "",
                                  address, hasSafetyFlag ? qsTr("staff safety warning") : "",
                                  hasAccessNeeds ? qsTr("access needs: %1").arg(accessNeedsSummary) : ""]
                                 .filter(function(s) { return s !== "" }).join(", ")
                onClicked: { list.currentIndex = index; root.openRequested(root.search.idAt(index)) }
                background: Rectangle {
                    color: hit.highlighted ? Theme.selection : (hit.hovered ? Theme.page : Theme.surface)
                    border.width: hit.highlighted && list.activeFocus ? 2 : 0
                    border.color: Theme.accent
                }
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            text: hit.displayName
                            font.bold: true
                            color: Theme.text
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label { text: hit.reference; color: Theme.secondaryText; font.pixelSize: Theme.smallSize }
                    }
                    Label {
                        Layout.fillWidth: true
                        color: Theme.text
                        elide: Text.ElideRight
                        text: hit.dateOfBirthText !== ""
                              ? qsTr("Born %1 (age %2) · %3").arg(hit.dateOfBirthText).arg(hit.age).arg(hit.address)
                              : hit.address
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 4
                        visible: hit.hasSafetyFlag || hit.hasVulnerabilityFlag || hit.hasAccessNeeds
                        Marker { visible: hit.hasSafetyFlag; kind: "staff_safety"; text: qsTr("Staff safety") }
                        Marker { visible: hit.hasVulnerabilityFlag; kind: "vulnerability"; text: qsTr("Vulnerable") }
                        Marker {
                            visible: hit.hasAccessNeeds
                            kind: "access_need"
                            text: qsTr("Access needs: %1").arg(hit.accessNeedsSummary)
                        }
                    }
                }
            }
        }
    }
}
