import QtQuick
import QtQuick.Controls
import QtTest
import FirstContact
import FirstContact.Models

// Editing details: checked as typed, Save only when valid, Escape leaves nothing changed.
Item {
    id: window
    width: 1100
    height: 900


    CustomerEditModel { id: editor; cacheWorker: testCache; user: "agent" }
    CustomerEditDialog { id: dialog; editor: editor; anchors.centerIn: parent }

    TestCase {
        name: "CustomerEditDialog"
        when: windowShown

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }

        function openSian() {
            editor.load(testIds.sianJones)
            tryCompare(editor, "familyName", "Jones", 5000)
            dialog.open()
            tryCompare(dialog, "opened", true)
        }

        function test_aBadPostcodeIsCaughtAsTypedAndSaveStaysOff() {
            openSian()
            const postcode = findChild(dialog.contentItem, "postcodeField")
            postcode.field.forceActiveFocus()
            keySequence("ctrl+a")
            typeText("PL1 2A")
            tryVerify(function() { return postcode.errorText !== "" })
            verify(!findChild(dialog.footer, "saveCustomerButton").enabled)
            keySequence("ctrl+a")
            typeText("PL4 0DW")
            tryCompare(postcode, "errorText", "")
            verify(editor.addressChanged)
            verify(findChild(dialog.footer, "saveCustomerButton").enabled)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
        }

        function test_givenNameHasFocusWhenOpened() {
            openSian()
            verify(findChild(dialog.contentItem, "givenNameField").field.activeFocus)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
        }

        function test_addAPhoneFieldFromTheKeyboard() {
            openSian()
            const before = editor.phones.length
            const add = findChild(dialog.contentItem, "addPhoneButton")
            add.forceActiveFocus()
            keyClick(Qt.Key_Space)
            compare(editor.phones.length, before + 1)
            verify(findChild(dialog.contentItem, "phoneField" + before) !== null)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
        }
    }
}
