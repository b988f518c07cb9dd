import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// The script runner beside the customer view: pick a script, then one step at a time. Keyboard: the
// numbers pick a choice, Enter goes on, Alt+Left goes back, Escape leaves the list. The knowledge panel
// under the step shows the article a step opens and searches the others. The wrap-up follows in the
// contact panel once the run reaches its outcome.
Rectangle {
    id: root
    required property ScriptRunnerModel runner
    color: Theme.surface
    border.color: Theme.border

    // The step itself takes the keys (numbers, Enter): a text field of an earlier step lets go first, or
    // the focus scope would hand the keys back to it.
    function focusStep() {
        answerField.field.focus = false
        dayField.field.focus = false
        timeField.field.focus = false
        stepArea.forceActiveFocus()
    }
    function focusFirst() {
        if (root.runner.running)
            root.focusStep()
        else
            filterField.field.forceActiveFocus()
    }
    // Enter on a step: a typed answer is checked first, then the run goes on.
    function goOn() {
        if (root.runner.stepKind === "question" || root.runner.stepKind === "input") {
            if (answerField.text.trim() !== "" || root.runner.required) {
                if (!root.runner.answer(answerField.text))
                    return
            }
        } else if (root.runner.stepKind === "appointment") {
            if (!root.runner.answerAppointment(siteBox.currentValue, dayField.text, timeField.text))
                return
        }
        root.runner.next()
    }

    Shortcut {
        sequence: "Alt+Left"
        enabled: root.runner.running && root.runner.canGoBack
        onActivated: root.runner.back()
    }

    Connections {
        target: root.runner
        // A new step: its stored answer (kept by back and forward) fills the field, and focus goes to it.
        function onStepChanged() {
            answerField.text = root.runner.answerText
            if (root.runner.stepKind === "question" || root.runner.stepKind === "input")
                answerField.field.forceActiveFocus()
            else if (root.runner.stepKind === "appointment")
                siteBox.forceActiveFocus()
            else if (root.runner.running)
                root.focusStep()
        }
        function onRunChanged() { root.focusFirst() }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth - Theme.padding * 2
            x: Theme.padding
            spacing: Theme.spacing

            // --- choosing a script
            ColumnLayout {
                visible: !root.runner.running
                Layout.fillWidth: true
                Layout.topMargin: Theme.padding
                spacing: Theme.spacing
                Label {
                    text: qsTr("Scripts")
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                FcTextField {
                    id: filterField
                    objectName: "scriptFilter"
                    Layout.fillWidth: true
                    label: qsTr("Find a script")
                    placeholderText: qsTr("For example: bulky, missed bin, blue badge")
                    onEdited: function(text) { root.runner.filter = text }
                    onAccepted: if (scriptList.count > 0) root.runner.start(root.runner.scripts[0].id)
                    field.Keys.onDownPressed: { scriptList.currentIndex = 0; scriptList.forceActiveFocus() }
                }
                Label {
                    visible: scriptList.count === 0 && !root.runner.loading
                    text: qsTr("No script matches.")
                    color: Theme.secondaryText
                }
                ListView {
                    id: scriptList
                    objectName: "scriptList"
                    Layout.fillWidth: true
                    Layout.preferredHeight: contentHeight
                    interactive: false
                    model: root.runner.scripts
                    activeFocusOnTab: true
                    keyNavigationEnabled: true
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Scripts")
                    Keys.onReturnPressed: if (currentIndex >= 0) root.runner.start(model[currentIndex].id)
                    Keys.onEnterPressed: if (currentIndex >= 0) root.runner.start(model[currentIndex].id)
                    Keys.onEscapePressed: filterField.field.forceActiveFocus()
                    delegate: Rectangle {
                        id: scriptRow
                        required property var modelData
                        required property int index
                        width: ListView.view.width
                        height: rowText.implicitHeight + Theme.spacing * 2
                        color: ListView.isCurrentItem && scriptList.activeFocus ? Theme.selection : "transparent"
                        border.width: ListView.isCurrentItem && scriptList.activeFocus ? 2 : 0
                        border.color: Theme.text
                        Accessible.role: Accessible.ListItem
                        Accessible.name: qsTr("%1, %2").arg(modelData.title).arg(modelData.serviceTitle)
                        ColumnLayout {
                            id: rowText
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.margins: Theme.spacing
                            spacing: 0
                            Label { text: scriptRow.modelData.title; color: Theme.text; font.bold: true; Layout.fillWidth: true; wrapMode: Text.WordWrap }
                            Label { text: scriptRow.modelData.serviceTitle; color: Theme.secondaryText; font.pixelSize: Theme.smallSize }
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: root.runner.start(scriptRow.modelData.id)
                        }
                    }
                }
            }

            // --- a run
            FocusScope {
                id: stepArea
                objectName: "scriptStep"
                visible: root.runner.running
                Layout.fillWidth: true
                Layout.topMargin: Theme.padding
                implicitHeight: stepColumn.implicitHeight
                Accessible.role: Accessible.Pane
                Accessible.name: root.runner.prompt
                Keys.onPressed: function(event) {
                    if (root.runner.stepKind === "choice" && event.key >= Qt.Key_1 && event.key <= Qt.Key_9) {
                        root.runner.choose(event.key - Qt.Key_0)
                        event.accepted = true
                    } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                        // Text fields pass Enter on to here (TextInput does not keep it), so one press is
                        // one step: from the day to the time, else on.
                        if (dayField.field.activeFocus)
                            timeField.field.forceActiveFocus()
                        else
                            root.goOn()
                        event.accepted = true
                    }
                }

                ColumnLayout {
                    id: stepColumn
                    width: parent.width
                    spacing: Theme.spacing

                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: root.runner.scriptTitle
                            font.pixelSize: Theme.headingSize
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Accessible.role: Accessible.Heading
                        }
                        FcButton {
                            objectName: "cancelScriptButton"
                            text: qsTr("Leave script")
                            toolTipText: qsTr("Stop this script; the contact goes on without it")
                            onClicked: root.runner.cancel()
                        }
                    }
                    Label {
                        text: root.runner.finished ? qsTr("Finished") : qsTr("Step %1").arg(root.runner.stepNumber)
                        color: Theme.secondaryText
                        font.pixelSize: Theme.smallSize
                    }
                    Label {
                        objectName: "stepPrompt"
                        Layout.fillWidth: true
                        visible: text !== "" && !root.runner.finished
                        text: root.runner.prompt
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.headingSize
                        color: Theme.text
                    }
                    Label {
                        objectName: "stepText"
                        Layout.fillWidth: true
                        visible: text !== "" && !root.runner.finished
                        text: root.runner.text
                        wrapMode: Text.WordWrap
                        color: Theme.text
                    }

                    // choice: numbered, 1-9 on the keyboard
                    Repeater {
                        model: root.runner.stepKind === "choice" ? root.runner.options : []
                        delegate: FcButton {
                            required property var modelData
                            objectName: "option" + modelData.number
                            Layout.fillWidth: true
                            text: modelData.number + ".  " + modelData.label
                            Accessible.name: qsTr("Option %1: %2").arg(modelData.number).arg(modelData.label)
                            shortcutText: modelData.number <= 9 ? String(modelData.number) : ""
                            primary: root.runner.chosenValue === modelData.value
                            contentItem: Text {
                                text: parent.text
                                font: parent.font
                                wrapMode: Text.WordWrap
                                color: parent.primary ? Theme.textOnAccent : Theme.text
                                horizontalAlignment: Text.AlignLeft
                                verticalAlignment: Text.AlignVCenter
                            }
                            onClicked: root.runner.choose(modelData.number)
                        }
                    }

                    // question and input
                    FcTextField {
                        id: answerField
                        objectName: "answerField"
                        Layout.fillWidth: true
                        visible: root.runner.stepKind === "question" || root.runner.stepKind === "input"
                        label: root.runner.required ? qsTr("Answer") : qsTr("Answer (may be left empty)")
                        placeholderText: root.runner.inputHint
                        errorText: root.runner.errorText
                    }

                    // appointment: a site, a day and a time
                    ColumnLayout {
                        visible: root.runner.stepKind === "appointment"
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Label { text: qsTr("Site"); color: Theme.text; font.bold: true; font.pixelSize: Theme.smallSize }
                        ComboBox {
                            id: siteBox
                            objectName: "siteBox"
                            Layout.fillWidth: true
                            model: root.runner.sites
                            textRole: "name"
                            valueRole: "key"
                            Accessible.name: qsTr("Site")
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            color: Theme.secondaryText
                            text: siteBox.currentIndex >= 0 && root.runner.sites.length > siteBox.currentIndex
                                  ? root.runner.sites[siteBox.currentIndex].address + " · " + root.runner.sites[siteBox.currentIndex].hours : ""
                        }
                        FcTextField {
                            id: dayField
                            objectName: "dayField"
                            Layout.fillWidth: true
                            label: qsTr("Day")
                            placeholderText: qsTr("For example 15/12/2026")
                        }
                        FcTextField {
                            id: timeField
                            objectName: "timeField"
                            Layout.fillWidth: true
                            label: qsTr("Time")
                            placeholderText: qsTr("For example 14:00")
                        }
                    }

                    // signpost: the agency's details to read out
                    Card {
                        visible: root.runner.stepKind === "signpost" && root.runner.agency.name !== undefined
                        Layout.fillWidth: true
                        title: root.runner.agency.name || ""
                        Label { text: qsTr("Phone: %1").arg(root.runner.agency.phone || ""); color: Theme.text; visible: (root.runner.agency.phone || "") !== "" }
                        Label { text: root.runner.agency.web || ""; color: Theme.text; visible: text !== "" }
                        Label { text: root.runner.agency.hours || ""; color: Theme.secondaryText; wrapMode: Text.WordWrap; Layout.fillWidth: true; visible: text !== "" }
                        Label { text: root.runner.agency.helpsWith || ""; color: Theme.secondaryText; wrapMode: Text.WordWrap; Layout.fillWidth: true; visible: text !== "" }
                    }

                    Label {
                        objectName: "stepError"
                        Layout.fillWidth: true
                        visible: root.runner.errorText !== "" && !answerField.visible
                        text: root.runner.errorText
                        color: Theme.dangerStrong
                        wrapMode: Text.WordWrap
                        Accessible.role: Accessible.AlertMessage
                    }

                    RowLayout {
                        visible: !root.runner.finished
                        Layout.fillWidth: true
                        FcButton {
                            objectName: "backButton"
                            text: qsTr("Back")
                            shortcutText: qsTr("Alt+Left")
                            enabled: root.runner.canGoBack
                            onClicked: root.runner.back()
                        }
                        Item { Layout.fillWidth: true }
                        FcButton {
                            objectName: "nextButton"
                            text: root.runner.stepKind === "create_case" ? qsTr("Raise at wrap-up") : qsTr("Next")
                            shortcutText: qsTr("Enter")
                            primary: true
                            onClicked: root.goOn()
                        }
                    }

                    // the end: what it settled, what it raises, the guide to print
                    ColumnLayout {
                        visible: root.runner.finished
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Label {
                            objectName: "outcomeTitle"
                            text: root.runner.outcome.title || ""
                            font.pixelSize: Theme.headingSize
                            font.bold: true
                            color: Theme.success
                        }
                        Label { text: root.runner.outcome.text || ""; wrapMode: Text.WordWrap; Layout.fillWidth: true; color: Theme.text }
                        Repeater {
                            model: root.runner.raised
                            delegate: Label {
                                required property var modelData
                                Layout.fillWidth: true
                                wrapMode: Text.WordWrap
                                color: Theme.text
                                text: qsTr("Raises: %1 (%2), promised by %3").arg(modelData.title).arg(modelData.priority).arg(modelData.promisedByText)
                                      + (modelData.acknowledgeByText !== "" ? qsTr(", acknowledged by %1").arg(modelData.acknowledgeByText) : "")
                            }
                        }
                        FcButton {
                            objectName: "printGuideButton"
                            visible: (root.runner.outcome.guide || "") !== ""
                            text: qsTr("Print guide: %1").arg(root.runner.outcome.guideTitle || "")
                            toolTipText: qsTr("Opens the how-to guide for the resident to take away, ready to print")
                            onClicked: root.runner.printGuide()
                        }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            color: Theme.secondaryText
                            text: qsTr("Check the wrap-up in the contact panel and wrap up (Ctrl+Enter). Back (Alt+Left) changes an answer.")
                        }
                    }

                    // answers so far
                    Label {
                        visible: root.runner.summary.length > 0
                        text: qsTr("Answers so far")
                        font.bold: true
                        color: Theme.text
                        Layout.topMargin: Theme.spacing
                    }
                    Repeater {
                        model: root.runner.summary
                        delegate: Label {
                            required property var modelData
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            color: Theme.secondaryText
                            text: modelData.prompt + " — " + modelData.answer
                        }
                    }
                }
            }

            // --- knowledge panel
            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                height: 1
                color: Theme.border
            }
            Label {
                text: qsTr("Knowledge")
                font.pixelSize: Theme.headingSize
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
            }
            FcTextField {
                id: knowledgeField
                objectName: "knowledgeSearch"
                Layout.fillWidth: true
                label: qsTr("Search articles")
                placeholderText: qsTr("For example: mould, council tax bands")
                onEdited: function(text) { root.runner.knowledgeQuery = text }
            }
            Repeater {
                model: knowledgeField.text.trim() !== "" ? root.runner.knowledgeResults : []
                delegate: FcButton {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.title
                    onClicked: root.runner.openArticle(modelData.id)
                }
            }
            Label {
                objectName: "articleTitle"
                visible: text !== ""
                text: root.runner.article.title || ""
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
            }
            Text {
                objectName: "articleBody"
                visible: text !== ""
                Layout.fillWidth: true
                Layout.bottomMargin: Theme.padding
                text: root.runner.article.body || ""
                textFormat: Text.MarkdownText
                wrapMode: Text.WordWrap
                color: Theme.text
                font.pixelSize: Theme.baseSize
                onLinkActivated: function(link) { Qt.openUrlExternally(link) }
            }
        }
    }
}
