import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FirstContact
import FirstContact.Models

// The workstation window. Which page shows follows the session: sign in, a first sync's progress,
// then the workstation, with the lock screen laid over it (the workstation stays alive underneath, so an
// open contact survives a lock, but is hidden from view).
ApplicationWindow {
    id: window
    required property SessionModel session
    required property ScreenPopModel screenPop

    width: 1360
    height: 860
    minimumWidth: 960
    minimumHeight: 600
    visible: true
    color: Theme.page
    title: session.state === "ready" || session.locked
           ? qsTr("FirstContact — %1").arg(session.displayName !== "" ? session.displayName : session.userName)
           : qsTr("FirstContact")

    readonly property bool workstationActive: session.state === "ready" || session.state === "locked"
    readonly property bool showFirstSync: workstationActive && session.sync.firstSync

    SignInPage {
        id: signInPage
        objectName: "signInPage"
        anchors.fill: parent
        visible: !window.workstationActive
        session: window.session
    }

    FirstSyncPage {
        objectName: "firstSyncPage"
        anchors.fill: parent
        visible: window.showFirstSync && !window.session.locked
        sync: window.session.sync
    }

    Loader {
        id: workstationLoader
        objectName: "workstationLoader"
        anchors.fill: parent
        active: window.workstationActive
        visible: active && !window.showFirstSync && !window.session.locked
        sourceComponent: WorkstationPage {
            session: window.session
            screenPop: window.screenPop
        }
    }

    LockScreen {
        objectName: "lockScreen"
        anchors.fill: parent
        visible: window.session.locked
        session: window.session
        contactActive: workstationLoader.item ? workstationLoader.item.contactActive : false
    }
}
