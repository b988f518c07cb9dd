import QtQuick
import QtTest
import FirstContact
import FirstContact.Models

// The script runner from the keyboard: find a script and start it with Enter, numbers pick choices,
// one Enter is one step (typed answers checked first, a refused one stays), Alt+Left goes back with the
// answer kept, the outcome shows what it raises, and the knowledge panel opens and searches articles.
Item {
    width: 520
    height: 1000

    ContactModel { id: contact; cacheWorker: testCache; user: "agent" }
    ScriptRunnerModel { id: runner; cacheWorker: testCache; contact: contact }
    ScriptRunnerPane { id: pane; anchors.fill: parent; runner: runner }
    SignalSpy { id: completed; target: runner; signalName: "completed" }

    TestCase {
        name: "ScriptRunnerPane"
        when: windowShown

        function typeText(text) {
            for (let i = 0; i < text.length; ++i)
                keyClick(text[i])
        }
        function startBulky() {
            tryVerify(function() { return runner.scripts.length >= 10 }, 5000)
            pane.focusFirst()
            typeText("bulky")
            tryCompare(runner.scripts, "length", 1)
            keyClick(Qt.Key_Return)
            tryVerify(function() { return runner.running }, 5000)
        }
        function cleanup() {
            runner.cancel()
            runner.filter = ""
            findChild(pane, "scriptFilter").text = ""
        }

        function test_everyStepByKeyboardToTheOutcome() {
            verify(contact.start("phone", testIds.warned))
            startBulky()
            compare(runner.stepKind, "knowledge")
            compare(findChild(pane, "articleTitle").text, "Bulky waste collections: what we collect and what it costs")
            verify(findChild(pane, "articleBody").visible)
            keyClick(Qt.Key_Return)
            compare(runner.stepId, "item_check")
            verify(findChild(pane, "option1").visible)
            keyClick(Qt.Key_1)
            compare(runner.stepId, "items_band")
            keyClick(Qt.Key_2) // 4 to 6 items
            compare(runner.stepId, "item_list")
            const answer = findChild(pane, "answerField")
            verify(answer.visible)
            tryVerify(function() { return answer.field.activeFocus })
            keyClick(Qt.Key_Return) // nothing typed: refused, and the run stays
            compare(runner.stepId, "item_list")
            verify(answer.errorText !== "")
            typeText("Sofa, armchair, table, four chairs")
            keyClick(Qt.Key_Return)
            compare(runner.stepId, "concession") // one press, one step
            keyClick(Qt.Key_1) // yes: the reduced charge
            compare(runner.stepId, "reduced_charge")
            verify(findChild(pane, "stepText").text.indexOf("£") >= 0)

            // Back keeps the answer: the choice shows as chosen.
            keySequence("alt+left")
            compare(runner.stepId, "concession")
            compare(runner.chosenValue, "yes")
            verify(findChild(pane, "option1").primary)
            keyClick(Qt.Key_Return)
            compare(runner.stepId, "reduced_charge")
            keyClick(Qt.Key_Return)
            compare(runner.stepId, "collection_date")
            typeText("25/12/2026") // Christmas Day, or long past: refused either way
            keyClick(Qt.Key_Return)
            compare(runner.stepId, "collection_date")
            verify(answer.errorText !== "")
            // A week or so ahead, moving on a day while the calendar says no (weekends, bank holidays).
            const day = new Date(Date.now() + 7 * 86400000)
            for (let tries = 0; tries < 10 && runner.stepId === "collection_date"; ++tries) {
                answer.text = ""
                typeText(Qt.formatDate(day, "dd/MM/yyyy"))
                keyClick(Qt.Key_Return)
                day.setDate(day.getDate() + 1)
            }
            compare(runner.stepId, "location")
            typeText("Front garden")
            keyClick(Qt.Key_Return)
            keyClick(Qt.Key_1) // paid
            typeText("TF4K7Q2M")
            keyClick(Qt.Key_Return)
            compare(runner.stepKind, "create_case")
            compare(findChild(pane, "nextButton").text, "Raise at wrap-up")
            keyClick(Qt.Key_Return)
            verify(runner.finished)
            compare(completed.count, 1)
            compare(findChild(pane, "outcomeTitle").text, "Request raised")
            compare(runner.raised.length, 1)
            compare(contact.outcome, "request_raised")
            verify(contact.scripted)
        }

        function test_leavingTheScriptGoesBackToTheList() {
            startBulky()
            mouseClick(findChild(pane, "cancelScriptButton"))
            verify(!runner.running)
            verify(findChild(pane, "scriptList").visible)
            verify(!contact.scripted)
        }

        function test_theKnowledgePanelSearchesAndOpensArticles() {
            const search = findChild(pane, "knowledgeSearch")
            search.field.forceActiveFocus()
            typeText("mould")
            compare(runner.knowledgeQuery, "mould")
            verify(runner.knowledgeResults.length >= 1)
            runner.openArticle(runner.knowledgeResults[0].id)
            compare(findChild(pane, "articleTitle").text, runner.article.title)
            verify(findChild(pane, "articleBody").text.length > 100)
        }

        function test_everyControlCanBeNamed() {
            startBulky()
            keyClick(Qt.Key_Return)
            for (const name of ["option1", "backButton", "nextButton", "cancelScriptButton"])
                verify(findChild(pane, name).Accessible.name !== "", name)
        }
    }
}
