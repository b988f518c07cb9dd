import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// The agent's screen: search on the left, the single customer view in the middle, the contact under
// way on the right, the sync status always visible at the bottom. Shortcuts are listed in
// docs/USER-GUIDE.md and shown in each button's tooltip.
Item {
    id: root
    required property SessionModel session
    required property ScreenPopModel screenPop
    readonly property bool contactActive: contact.active
    readonly property alias searchField: searchPane.searchField
    // While a contact about the customer on screen is under way, or a script runs, the search pane makes
    // room for the script pane; Ctrl+K or F3 brings it back.
    property bool searchShown: true

    CustomerSearchModel { id: search; cacheWorker: root.session.cacheWorker }
    CustomerViewModel { id: customer; cacheWorker: root.session.cacheWorker; user: root.session.userName }
    CustomerEditModel { id: editor; cacheWorker: root.session.cacheWorker; user: root.session.userName }
    ContactModel { id: contact; cacheWorker: root.session.cacheWorker; user: root.session.userName }
    ScriptRunnerModel { id: runner; cacheWorker: root.session.cacheWorker; contact: contact }

    function openCustomer(id) {
        if (id === "")
            return
        stack.pop(null)
        customer.load(id)
        customerView.forceActiveFocus()
    }
    function focusSearch() {
        stack.pop(null)
        root.searchShown = true
        searchPane.focusSearch()
    }
    function editDetails() {
        if (!customer.hasCustomer)
            return
        editor.load(customer.customerId)
        editDialog.open()
    }
    function startContact(channel) {
        if (contact.active)
            return
        contact.start(channel, customer.hasCustomer ? customer.customerId : "")
        contactPanel.forceActiveFocus()
    }

    Component.onCompleted: searchPane.focusSearch()

    // What a screen-pop found: one caller opens at once, several are offered, none starts a new contact
    // with the number filled in.
    Connections {
        target: root.screenPop
        function onResultReady() {
            if (root.screenPop.state === "one") {
                root.openCustomer(root.screenPop.singleCustomerId)
                root.startContact("phone")
            } else if (root.screenPop.state === "several") {
                screenPopDialog.open()
            } else if (root.screenPop.state === "none") {
                customer.clear()
                root.startContact("phone")
                screenPopDialog.open()
            }
        }
    }
    Connections {
        target: editor
        function onSaved(customerId) {
            editDialog.close()
            if (search.query.trim() !== "")
                search.searchNow() // the result list shows the new name or address too
            root.openCustomer(customerId)
            root.session.sync.syncNow()
        }
    }
    Connections {
        target: contact
        // Each contact offers the scripts as the desk now has them (a sync may have brought new versions).
        function onActiveChanged() {
            if (contact.active && !runner.running)
                runner.reload()
            // A contact about the customer on screen needs the room for the script beside the record;
            // an anonymous one keeps search open to find who it is. Ctrl+K brings search back.
            root.searchShown = !contact.active || !customer.hasCustomer
        }
        function onWrappedUp(contactId) {
            if (runner.running)
                runner.cancel() // its end is recorded with the contact
            customer.reload()
            root.session.sync.syncNow()
        }
    }
    Connections {
        target: runner
        function onCompleted() { contactPanel.forceActiveFocus() }
        function onRunChanged() { if (runner.running) root.searchShown = false }
    }
    // A finished sync may have brought newer copies of what is on screen.
    readonly property string lastSync: root.session.sync.lastSyncText
    onLastSyncChanged: if (customer.hasCustomer && !editDialog.visible) customer.reload()


    Shortcut { sequences: ["Ctrl+K", "F3"]; onActivated: root.focusSearch() }
    Shortcut { sequence: "Ctrl+E"; enabled: customer.hasCustomer; onActivated: root.editDetails() }
    Shortcut { sequence: "Ctrl+Shift+C"; enabled: !contact.active; onActivated: root.startContact("phone") }
    Shortcut { sequence: "Ctrl+Shift+F"; enabled: !contact.active; onActivated: root.startContact("face_to_face") }
    Shortcut { sequence: "Ctrl+Shift+O"; enabled: !contact.active; onActivated: topBar.openChannels() }
    Shortcut { sequence: "Ctrl+L"; onActivated: root.session.lockNow() }
    Shortcut { sequence: "Ctrl+Shift+S"; enabled: contact.active; onActivated: scriptPane.focusFirst() }
    Shortcut { sequence: "F5"; onActivated: root.session.sync.syncNow() }
    Shortcut { sequence: "Ctrl+Shift+K"; onActivated: stack.push(conflictsPage) }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            id: topBar
            Layout.fillWidth: true
            session: root.session
            contactActive: contact.active
            onStartCallRequested: root.startContact("phone")
            onStartCounterRequested: root.startContact("face_to_face")
            onStartChannelRequested: function(channel) { root.startContact(channel) }
            channelOptions: contact.channelOptions
        }

        StackView {
            id: stack
            objectName: "mainStack"
            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: SplitView {
                orientation: Qt.Horizontal

                SearchPane {
                    id: searchPane
                    visible: root.searchShown
                    SplitView.preferredWidth: Math.max(Theme.baseSize * 26, root.width * 0.28)
                    SplitView.minimumWidth: Theme.baseSize * 18
                    search: search
                    onOpenRequested: function(id) { root.openCustomer(id) }
                }
                CustomerView {
                    id: customerView
                    SplitView.fillWidth: true
                    SplitView.minimumWidth: Theme.baseSize * 30
                    customer: customer
                    contactActive: contact.active
                    onEditRequested: root.editDetails()
                    onOpenCustomerRequested: function(id) { root.openCustomer(id) }
                    onStartContactRequested: root.startContact("phone")
                }
                ScriptRunnerPane {
                    id: scriptPane
                    objectName: "scriptPane"
                    visible: contact.active
                    SplitView.preferredWidth: Math.max(Theme.baseSize * 28, root.width * 0.3)
                    SplitView.minimumWidth: Theme.baseSize * 22
                    runner: runner
                }
                ContactPanel {
                    id: contactPanel
                    visible: contact.active || contact.lastContactId !== ""
                    SplitView.preferredWidth: Theme.baseSize * 24
                    SplitView.minimumWidth: Theme.baseSize * 20
                    contact: contact
                    customer: customer
                }
            }
            Keys.onEscapePressed: if (depth > 1) pop()
            // Pages switch at once: nothing slides while someone is on the phone.
            pushEnter: Transition { }
            pushExit: Transition { }
            popEnter: Transition { }
            popExit: Transition { }
        }

        SyncStatusBar {
            Layout.fillWidth: true
            session: root.session
            onConflictsRequested: stack.push(conflictsPage)
        }
    }

    Component {
        id: conflictsPage
        ConflictsPage {
            conflicts: root.session.conflicts
            onCloseRequested: stack.pop()
        }
    }

    CustomerEditDialog {
        id: editDialog
        editor: editor
        anchors.centerIn: parent
    }

    ScreenPopDialog {
        id: screenPopDialog
        screenPop: root.screenPop
        anchors.centerIn: parent
        onOpenRequested: function(id) { root.openCustomer(id); if (!contact.active) root.startContact("phone") }
        onNewCustomerRequested: function(number) { editor.startNew(number); editDialog.open() }
    }
}
