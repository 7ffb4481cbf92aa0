#!/usr/bin/python3
"""Browser tests of the GovFlow web console (Tests/Browser/run.sh runs them).

Starts the real `govflow serve` (GOVFLOW_BIN) with a temporary database, a tokens file and port 0, starts
projects through the API, and drives headless Chromium through Selenium. Every check is exact: the words on the
page, the dates, the history read back through the API. With CONSOLE_SCREENSHOTS=DIR, each page is saved there.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.support.ui import WebDriverWait
from selenium.common.exceptions import StaleElementReferenceException

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKENS = {
    "admin": {"token": "admin-token-0123456789abcdef", "actor": "admin", "roles": ["administrator"]},
    "jia": {"token": "jia-unit-token-0123456789abcdef", "actor": "jia-co", "department": "甲公司",
            "roles": ["project-unit"]},
    "yi": {"token": "yi-unit-token-0123456789abcdef", "actor": "yi-co", "department": "乙公司",
           "roles": ["project-unit"]},
    "li": {"token": "li-reviewer-token-0123456789abcdef", "actor": "li", "department": "区数据局",
           "roles": ["reviewing-office"]},
    "audit": {"token": "audit-token-0123456789abcdef", "actor": "audit", "department": "区审计局",
              "roles": ["auditor"]},
}
SCREENSHOTS = os.environ.get("CONSOLE_SCREENSHOTS")


class Server:
    """`govflow serve` on a temporary database with the tokens above, on a free loopback port."""

    def __init__(self, with_tokens=True):
        self.folder = tempfile.mkdtemp(prefix="govflow-browser-")
        tokens = os.path.join(self.folder, "tokens.json")
        with open(tokens, "w", encoding="utf-8") as handle:
            json.dump({"tokens": list(TOKENS.values())}, handle, ensure_ascii=False)
        token_options = ["--tokens", tokens] if with_tokens else []
        self.log_path = os.path.join(self.folder, "serve.log")
        binary = os.environ.get("GOVFLOW_BIN", os.path.join(ROOT, ".build", "debug", "govflow"))
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(
            [binary, "serve", "--db", os.path.join(self.folder, "govflow.sqlite"), "--listen", "127.0.0.1:0",
             "--workflows", os.path.join(ROOT, "workflows")] + token_options,
            cwd=ROOT, stderr=self.log, stdout=subprocess.DEVNULL)
        port = None
        for _ in range(300):
            with open(self.log_path, encoding="utf-8") as handle:
                found = re.search(r'"listen":"127\.0\.0\.1:(\d+)"', handle.read())
            if found:
                port = int(found.group(1))
                break
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        if port is None:
            self.stop()
            with open(self.log_path, encoding="utf-8") as handle:
                raise RuntimeError("govflow serve did not start:\n" + handle.read())
        self.base = f"http://127.0.0.1:{port}"

    def call(self, who, method, path, body=None, headers=None):
        """(status, parsed body) of an API call as `who`."""
        if body is None or isinstance(body, str):
            data = None if body is None else body.encode()
        else:
            data = json.dumps(body, ensure_ascii=False).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Authorization", "Bearer " + TOKENS[who]["token"])
        if data is not None:
            request.add_header("Content-Type", "application/json")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.log.close()

    def remove(self):
        shutil.rmtree(self.folder, ignore_errors=True)


def start_browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1366,1000", "--lang=zh-CN"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


server = None
browser = None


def setUpModule():
    global server, browser
    server = Server()
    try:
        browser = start_browser()   # raises (the run fails) when Chromium cannot start
    except Exception:
        server.stop()
        raise
    # Projects: one for each unit, both waiting for 区数据局's pre-review (项目预审).
    for who, project in [("jia", "jia-2024-01"), ("jia", "jia-2024-02"), ("yi", "yi-2024-01")]:
        status, body = server.call(who, "POST", "/v1/projects",
                                   {"workflow": "tinghu", "id": project, "variables": {"amount": 300}})
        assert status == 201, (status, body)


def tearDownModule():
    if browser is not None:
        browser.quit()
    if server is not None:
        server.stop()
        server.remove()


class ConsoleTestCase(unittest.TestCase):
    def setUp(self):
        browser.get(server.base + "/#/signin")
        browser.execute_script("sessionStorage.clear(); localStorage.clear();")
        browser.refresh()   # a new page: nothing of the previous test's session is left in memory
        self.wait_for("#token")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "#whoami"), [])

    def tearDown(self):
        # Every console answer forbids inline code (CSP); any violation or script error shows in the console log.
        # (Refused API calls are expected in some tests: the browser logs them as network errors.)
        severe = [entry for entry in browser.get_log("browser")
                  if entry["level"] == "SEVERE" and entry.get("source") != "network"]
        self.assertEqual(severe, [])
        for token in (entry["token"] for entry in TOKENS.values()):
            self.assertNotIn(token, browser.current_url)

    def wait_for(self, css, text=None, timeout=10):
        def found(driver):
            for element in driver.find_elements(By.CSS_SELECTOR, css):
                if text is None or text in element.text:
                    return element
            return False
        # A page that re-renders (the language switch, a reload after an action) may replace an element between
        # finding it and reading its text: look again.
        return WebDriverWait(browser, timeout, ignored_exceptions=[StaleElementReferenceException]).until(
            found, f"{css} containing {text!r}")

    def sign_in(self, who):
        field = self.wait_for("#token")
        field.send_keys(TOKENS[who]["token"], Keys.ENTER)
        self.wait_for("#inbox-list")
        self.assertEqual(browser.execute_script("return sessionStorage.getItem('govflow.token')"), TOKENS[who]["token"])

    def go(self, hash_route, ready):
        browser.get(server.base + "/" + hash_route)
        return self.wait_for(ready)

    def shot(self, name):
        if SCREENSHOTS:
            os.makedirs(SCREENSHOTS, exist_ok=True)
            time.sleep(0.3)
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(1366, max(700, min(int(height) + 140, 1600)))
            time.sleep(0.2)
            browser.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))
            browser.set_window_size(1366, 1000)


class SignInTests(ConsoleTestCase):
    def test_console_answers_carry_the_content_security_policy(self):
        for path in ["/", "/console/app.js", "/console/pages/task.js", "/console/console.css"]:
            with urllib.request.urlopen(server.base + path) as response:
                self.assertEqual(response.headers["Content-Security-Policy"], "default-src 'self'")
                self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(browser.execute_script(
            "return document.querySelectorAll('script:not([src]), style, [style]').length"), 0)

    def test_a_wrong_token_is_refused_and_nothing_is_kept(self):
        self.wait_for("#token").send_keys("not-a-valid-token-at-all", Keys.ENTER)
        self.wait_for("#signin-error", "令牌无效：the bearer token is not valid")
        self.assertIsNone(browser.execute_script("return sessionStorage.getItem('govflow.token')"))
        self.shot("signin")

    def test_administrator_sees_roles_and_may_deploy(self):
        self.sign_in("admin")
        self.assertEqual(self.wait_for("#who-name").text, "admin")
        self.assertEqual(self.wait_for("#who-roles").text, "管理员")
        self.go("#/signin", "#whoami")
        roles = browser.find_elements(By.CSS_SELECTOR, "ul.roles li")
        self.assertEqual([li.get_attribute("data-role") for li in roles], ["administrator"])
        self.assertIn("部署流程定义", self.wait_for("#may").text)
        self.shot("whoami")
        self.go("#/definitions", "#definitions-table")
        self.wait_for("#deploy-source")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "#deploy-not-allowed"), [])

    def test_project_unit_sees_its_role_and_may_not_deploy_or_decide(self):
        self.sign_in("jia")
        self.assertEqual(self.wait_for("#who-roles").text, "项目单位")
        self.assertEqual(self.wait_for(".who-dept").text, "甲公司")
        self.wait_for("#inbox-empty", "没有待办任务。")
        self.go("#/definitions", "#definitions-table")
        self.wait_for("#deploy-not-allowed", "只有管理员可以部署流程定义。")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "#deploy-source"), [])
        # The unit opens its own project's review task by URL: the engine refuses the decision, shown by the button.
        self.go("#/projects/jia-2024-01/tasks/3", "#decision")
        browser.find_element(By.CSS_SELECTOR, 'button.outcome[data-outcome="pass"]').click()
        status = self.wait_for("#decision-status.error")
        self.assertTrue(status.text.startswith("未受理（not-assignee）：jia-co may not decide task 3"), status.text)

    def test_without_a_tokens_file_the_console_is_the_local_administrator(self):
        local = Server(with_tokens=False)
        try:
            browser.get(local.base + "/")
            self.wait_for("#inbox-list")
            self.assertEqual(self.wait_for("#who-name").text, "本机管理员（未配置令牌文件）")
            self.assertEqual(self.wait_for("#who-roles").text, "管理员")
            self.assertEqual(browser.find_elements(By.ID, "signout"), [])
            browser.get(local.base + "/#/signin")
            self.wait_for("#whoami")
            self.assertEqual(browser.find_elements(By.ID, "signin-form"), [])
            self.wait_for("#whoami .note", "此服务未配置令牌文件，您以本机管理员身份使用（仅限本机）。")
        finally:
            local.stop()
            local.remove()
        browser.get(server.base + "/#/signin")

    def test_history_sentences_read_both_event_shapes(self):
        self.sign_in("li")
        sentences = browser.execute_async_script("""
            const done = arguments[arguments.length - 1];
            import('/console/events.js').then(({ HistoryReader }) => {
                const names = { 'pre-review': '项目预审' };
                const read = (events) => {
                    const reader = new HistoryReader((id) => names[id] || id);
                    return events.map((event) => reader.sentence({ event }));
                };
                const actor = { id: 'li', department: '区数据局', roles: [] };
                const due = { date: '2024-10-10', provisional: true };
                done([
                    read([{ type: 'stageEntered', activation: 2, token: 1, node: 'pre-review', kind: 'pre-review' },
                          { type: 'taskOpened', task: 3, node: 'pre-review', title: '初审意见',
                            assignee: { department: '区数据局' }, due },
                          { type: 'taskDecided', task: 3, actor, outcome: 'pass', comment: '材料齐全', data: {} },
                          { type: 'stageCompleted', activation: 2, outcome: 'pass' },
                          { type: 'timerScheduled', timer: 4, purpose: 'deadline', name: 'initial-opinion',
                            node: 'pre-review', due: '2024-10-10', provisional: false },
                          { type: 'somethingNew', x: 1 }]),
                    read([{ stageEntered: { activation: 2, token: 1, node: 'pre-review', kind: 'pre-review' } },
                          { taskOpened: { _0: { id: 3, nodeID: 'pre-review', title: '初审意见',
                            assignee: { department: { _0: '区数据局' } }, due } } },
                          { taskDecided: { task: 3, actor, outcome: 'pass', comment: '材料齐全', data: {} } },
                          { stageCompleted: { activation: 2, outcome: 'pass' } },
                          { timerScheduled: { _0: { id: 4, purpose: { deadline: { _0: 'initial-opinion' } },
                            nodeID: 'pre-review', due: { date: '2024-10-10', provisional: false } } } },
                          { somethingNew: { x: 1 } }]),
                ]);
            });""")
        expected = ["进入环节“项目预审”",
                    "待办“初审意见”交由区数据局（部门）办理，到期日 2024-10-10（暂定）",
                    "li（区数据局）办理“初审意见”：通过，意见：“材料齐全”",
                    "环节“项目预审”完成，结果：通过",
                    "“项目预审”设定办理时限“initial-opinion”，到期日 2024-10-10",
                    'somethingNew: {"x":1}']
        self.assertEqual(sentences, [expected, expected])

    def test_english_switch_changes_the_words(self):
        self.sign_in("li")
        browser.find_element(By.ID, "lang").click()
        self.wait_for("#inbox-table th", "Deadline")
        self.assertEqual(browser.execute_script("return document.documentElement.lang"), "en")
        self.assertEqual(self.wait_for("#who-roles").text, "reviewing office")
        self.wait_for("#inbox-table .due[data-state]")
        self.shot("inbox-en")
        self.assertEqual(browser.execute_script(
            "return import('/console/i18n.js').then(m => m.missingKeys())"), [])
        browser.find_element(By.ID, "lang").click()
        self.wait_for("#inbox-table th", "期限")


class TaskTests(ConsoleTestCase):
    def history(self, project):
        status, body = server.call("admin", "GET", f"/v1/projects/{project}")
        self.assertEqual(status, 200)
        return body["history"]

    @staticmethod
    def decisions(history):
        found = []
        for entry in history:
            event = entry["event"]
            if event.get("type") == "taskDecided":
                found.append((event["task"], event["outcome"], entry["actor"]["id"]))
            elif "taskDecided" in event:
                found.append((event["taskDecided"]["task"], event["taskDecided"]["outcome"], entry["actor"]["id"]))
        return found

    def test_inbox_lists_the_reviewers_tasks_by_due_date_with_words(self):
        self.sign_in("li")
        status, body = server.call("li", "GET", "/v1/tasks")
        rows = browser.find_elements(By.CSS_SELECTOR, "#inbox-table tbody tr")
        self.assertEqual([(row.get_attribute("data-project"), row.get_attribute("data-task")) for row in rows],
                         [(task["project"], str(task["id"])) for task in body["tasks"][:20]])
        due = body["tasks"][0]["due"]["date"]
        badge = self.wait_for("#inbox-table .due[data-state]")
        self.assertEqual(badge.find_element(By.CSS_SELECTOR, ".due-date").text, due)
        self.assertRegex(badge.find_element(By.CSS_SELECTOR, ".due-words").text, r"^(剩余\d+个工作日|今日到期)$")
        pages = (len(body["tasks"]) + 19) // 20
        self.assertEqual(self.wait_for("#page-info").text, f"共 {len(body['tasks'])} 项，第 1/{pages} 页")

    def test_the_inbox_pages_twenty_tasks_at_a_time_and_filters_by_stage(self):
        for number in range(1, 23):
            status, _ = server.call("yi", "POST", "/v1/projects", {"workflow": "tinghu", "id": f"yi-page-{number:02}",
                                                                   "variables": {"amount": number}})
            self.assertEqual(status, 201)
        status, body = server.call("li", "GET", "/v1/tasks")
        total = len(body["tasks"])
        self.assertGreater(total, 20)
        self.sign_in("li")
        rows = lambda: [row.get_attribute("data-project") for row in
                        browser.find_elements(By.CSS_SELECTOR, "#inbox-table tbody tr")]
        self.assertEqual(self.wait_for("#page-info").text, f"共 {total} 项，第 1/2 页")
        self.assertEqual(rows(), [task["project"] for task in body["tasks"][:20]])
        self.wait_for("#inbox-table tr:last-child .due[data-state]")
        self.shot("inbox")
        browser.find_element(By.ID, "page-next").click()
        self.assertEqual(self.wait_for("#page-info").text, f"共 {total} 项，第 2/2 页")
        self.assertEqual(rows(), [task["project"] for task in body["tasks"][20:]])
        stages = [option.text for option in browser.find_elements(By.CSS_SELECTOR, "#filter-stage option")]
        self.assertEqual(stages, ["全部", "项目预审"])
        stage = browser.find_element(By.ID, "filter-stage")
        browser.execute_script("arguments[0].value = 'pre-review'; arguments[0].dispatchEvent(new Event('change'));",
                               stage)
        self.assertEqual(self.wait_for("#page-info").text, f"共 {total} 项，第 1/2 页")
        workflows = [option.text for option in browser.find_elements(By.CSS_SELECTOR, "#filter-workflow option")]
        self.assertEqual(workflows, ["全部", "盐城市亭湖区政务信息化项目建设管理流程 (tinghu)"])

    def test_a_reviewer_decides_a_task_from_the_inbox_with_the_keyboard_only(self):
        self.sign_in("li")
        self.tab_to('a.task-link[href="#/projects/jia-2024-01/tasks/3"]')
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        self.wait_for("#decision")
        self.assertEqual(self.wait_for("#task-basis").text, "第十一条（一）（二）")
        self.assertEqual(self.wait_for("#task-deadlines").text,
                         "5个工作日 — 第十一条（二） 在5个工作日内给予初审意见（逾期记录在案，继续办理）")
        self.shot("task")
        self.tab_to('button.outcome[data-outcome="pass"]')
        self.assertEqual(browser.switch_to.active_element.text, "通过（pass）")
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        self.wait_for("#decision-status.ok", "已提交：通过。")
        self.assertEqual(self.decisions(self.history("jia-2024-01")), [(3, "pass", "li")])

    def test_a_double_submit_decides_once(self):
        self.sign_in("li")
        self.go("#/projects/jia-2024-02/tasks/3", "#decision")
        comment = browser.find_element(By.ID, "decision-comment")
        comment.send_keys("材料齐全")
        button = browser.find_element(By.CSS_SELECTOR, 'button.outcome[data-outcome="pass"]')
        # Record what the page sends: every decision request must carry an Idempotency-Key.
        browser.execute_script("""
            window.sentDecisions = [];
            const original = window.fetch;
            window.fetch = (url, options = {}) => {
                if (String(url).endsWith('/decision')) window.sentDecisions.push(options.headers['Idempotency-Key']);
                return original(url, options);
            };""")
        ActionChains(browser).double_click(button).perform()
        browser.execute_script("arguments[0].disabled = false; arguments[0].click(); arguments[0].click();", button)
        self.wait_for("#decision-status.ok", "已提交：通过。")
        keys = browser.execute_script("return window.sentDecisions")
        self.assertEqual(len(keys), 1, keys)
        self.assertRegex(keys[0], r"^console-[0-9a-f-]{32,36}$")
        self.assertEqual(self.decisions(self.history("jia-2024-02")), [(3, "pass", "li")])
        # The same request again with the same key (a retry after a lost answer) is replayed, not applied again.
        status, _ = server.call("li", "POST", "/v1/projects/jia-2024-02/tasks/3/decision",
                                '{"outcome":"pass","data":{},"comment":"材料齐全"}', {"Idempotency-Key": keys[0]})
        self.assertEqual(status, 200)
        self.assertEqual(self.decisions(self.history("jia-2024-02")), [(3, "pass", "li")])
        # The project page tells the story in sentences, with the actor and Beijing time.
        self.go("#/projects/jia-2024-02", "#timeline")
        decided = self.wait_for('#timeline li[data-type="taskDecided"]')
        self.assertEqual(decided.find_element(By.CSS_SELECTOR, ".what").text,
                         "li（区数据局）办理“项目预审: 审查申报材料并出具初审意见”：通过，意见：“材料齐全”")
        self.assertEqual(decided.find_element(By.CSS_SELECTOR, ".who").text, "li（区数据局）")
        self.assertRegex(decided.find_element(By.CSS_SELECTOR, ".when").text, r"^\d{4}-\d\d-\d\d \d\d:\d\d 北京时间$")
        self.shot("project")
        # Printed, the page keeps the history and drops the navigation and the buttons.
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            self.assertFalse(browser.find_element(By.ID, "nav").is_displayed())
            self.assertFalse(browser.find_element(By.ID, "print").is_displayed())
            self.assertTrue(decided.is_displayed())
            self.shot("project-print")
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    def test_operations_urge_and_transfer_a_task(self):
        self.sign_in("li")
        self.go("#/projects/yi-2024-01/tasks/3", "#operations")
        browser.find_element(By.ID, "op-comment").send_keys("请尽快补充材料")
        browser.execute_script("arguments[0].value = 'urge'; arguments[0].dispatchEvent(new Event('change'));",
                               browser.find_element(By.ID, "op"))
        self.assertFalse(browser.find_element(By.ID, "op-to").is_displayed())
        browser.find_element(By.CSS_SELECTOR, "#operations button[type=submit]").click()
        self.wait_for("#op-status.ok", "已完成操作：催办。")
        browser.execute_script("arguments[0].value = 'transfer'; arguments[0].dispatchEvent(new Event('change'));",
                               browser.find_element(By.ID, "op"))
        browser.find_element(By.ID, "op-to").send_keys("zhou")
        browser.find_element(By.CSS_SELECTOR, "#operations button[type=submit]").click()
        self.wait_for("#op-status.ok", "已完成操作：转办。")
        kinds = [next(iter(entry["event"])) if "type" not in entry["event"] else entry["event"]["type"]
                 for entry in self.history("yi-2024-01")]
        self.assertEqual(kinds[-2:], ["taskUrged", "taskTransferred"])
        self.go("#/projects/yi-2024-01", "#timeline")
        sentences = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#timeline li .what")]
        self.assertEqual(sentences[-2:], [
            "催办“项目预审: 审查申报材料并出具初审意见”，意见：“请尽快补充材料”",
            "“项目预审: 审查申报材料并出具初审意见”由区数据局（部门）转办给zhou（人员）"])

    def tab_to(self, css, limit=60):
        target = self.wait_for(css)
        for _ in range(limit):
            if browser.switch_to.active_element == target:
                return
            ActionChains(browser).send_keys(Keys.TAB).perform()
        self.fail(f"Tab never reached {css}")


class ProjectAccessTests(ConsoleTestCase):
    def test_a_unit_cannot_open_another_units_project_by_url(self):
        self.sign_in("jia")
        self.go("#/projects/yi-2024-01", "#not-found")
        self.assertEqual(self.wait_for("#not-found").text, "没有您可查看的项目“yi-2024-01”。")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "#variables"), [])
        self.go("#/projects/yi-2024-01/tasks/3", "#not-found")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "#decision"), [])
        self.go("#/projects/jia-2024-01", "#project-status")
        self.assertIn(self.wait_for("#project-status").text, ["办理中"])


    def test_a_long_history_is_paged_on_screen_and_printed_whole(self):
        status, _ = server.call("jia", "POST", "/v1/projects",
                                {"workflow": "tinghu", "id": "jia-long", "variables": {"amount": 50}})
        self.assertEqual(status, 201)
        status, _ = server.call("li", "POST", "/v1/projects/jia-long/tasks/3/decision", {"outcome": "pass"})
        self.assertEqual(status, 200)
        status, body = server.call("jia", "GET", "/v1/projects/jia-long")
        total = len(body["history"])
        self.assertGreater(total, 20)
        self.sign_in("jia")
        self.go("#/projects/jia-long", "#timeline")
        browser.find_element(By.ID, "show-technical").click()
        self.assertEqual(self.wait_for("#history-info").text, f"第 1–20 条，共 {total} 条")
        visible = lambda: [li for li in browser.find_elements(By.CSS_SELECTOR, "#timeline li") if li.is_displayed()]
        self.assertEqual([li.get_attribute("data-seq") for li in visible()], [str(n) for n in range(1, 21)])
        browser.find_element(By.ID, "history-next").click()
        self.assertEqual(self.wait_for("#history-info").text, f"第 21–{total} 条，共 {total} 条")
        self.assertEqual([li.get_attribute("data-seq") for li in visible()], [str(n) for n in range(21, total + 1)])
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            self.assertEqual(len(visible()), total)
        finally:
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


class DefinitionTests(ConsoleTestCase):
    def test_an_invalid_definition_shows_line_and_column_and_is_not_deployed(self):
        self.sign_in("admin")
        lines = open(os.path.join(ROOT, "workflows", "tinghu.json"), encoding="utf-8").read() \
            .replace('"id": "tinghu"', '"id": "console-bad"', 1).split("\n")
        line = next(i for i, text in enumerate(lines) if '"id": "pre-review"' in text)
        lines[line] = lines[line].replace('"id": "pre-review",', '"id": "pre-review", "colour": "red",')
        column = lines[line].index('"colour"') + 1
        self.go("#/definitions", "#deploy-source")
        area = browser.find_element(By.ID, "deploy-source")
        browser.execute_script("arguments[0].value = arguments[1];", area, "\n".join(lines))
        browser.find_element(By.ID, "deploy-button").click()
        problem = self.wait_for("#deploy-problems button.problem")
        status, refused = server.call("admin", "POST", "/v1/definitions", "\n".join(lines))
        self.assertEqual((status, len(refused["error"]["details"])), (422, 1))
        detail = refused["error"]["details"][0]
        self.assertEqual((detail["line"], detail["column"]), (line + 1, column))
        self.assertTrue(detail["message"].startswith('unknown field "colour" in node "pre-review"'), detail["message"])
        self.assertEqual(problem.text, f"第{line + 1}行第{column}列: {detail['message']} [unknown-field]")
        self.assertEqual(len(browser.find_elements(By.CSS_SELECTOR, "#deploy-problems li")), 1)
        problem.click()
        offset = len("\n".join(lines[:line])) + 1 + column - 1
        self.assertEqual(browser.execute_script("return document.activeElement.id"), "deploy-source")
        self.assertEqual(browser.execute_script("return arguments[0].selectionStart", area), offset)
        self.assertEqual(self.wait_for("#deploy-cursor").text, f"第{line + 1}行第{column}列")
        self.shot("deploy-problems")
        status, body = server.call("admin", "GET", "/v1/definitions/console-bad")
        self.assertEqual((status, body["error"]["code"]), (404, "definition-not-found"))

    def test_a_version_shows_its_source_with_line_numbers(self):
        self.sign_in("audit")
        self.go("#/definitions", "#definitions-table")
        browser.find_element(By.CSS_SELECTOR, 'a[href="#/definitions/tinghu/2"]').click()
        self.wait_for("#source")
        source = open(os.path.join(ROOT, "workflows", "tinghu.json"), encoding="utf-8").read()
        self.assertEqual(browser.find_element(By.ID, "L3").text, source.split("\n")[2])
        self.shot("definition")


class CalendarTests(ConsoleTestCase):
    def test_a_deadline_across_the_national_day_holiday_matches_the_api(self):
        self.sign_in("li")
        self.go("#/calendar", "#month-table")
        month = browser.find_element(By.ID, "calendar-month")
        browser.execute_script("arguments[0].value = '2024-10'; arguments[0].dispatchEvent(new Event('change'));",
                               month)
        holiday = self.wait_for('td[data-date="2024-10-01"]')
        self.assertEqual(holiday.get_attribute("data-kind"), "holiday")
        self.assertEqual(holiday.text.split("\n"), ["1", "休", "国庆节"])
        makeup = self.wait_for('td[data-date="2024-10-12"]')
        self.assertEqual(makeup.text.split("\n"), ["12", "班", "国庆节"])
        start = browser.find_element(By.ID, "calc-from")
        browser.execute_script("arguments[0].value = '2024-09-27';", start)
        count = browser.find_element(By.ID, "calc-count")
        count.clear()
        count.send_keys("5")
        browser.find_element(By.ID, "calc-button").click()
        due = self.wait_for("#calc-due")
        status, answer = server.call("li", "GET", "/v1/calendars/cn-mainland/due?from=2024-09-27&period=5%20workdays")
        self.assertEqual(status, 200)
        self.assertEqual(answer["due"]["date"], "2024-10-10")
        self.assertEqual(due.get_attribute("data-date"), answer["due"]["date"])
        self.assertEqual(due.text, "到期日：2024-10-10")
        # A year without a holiday notice yet: the date is provisional, and says so.
        browser.execute_script("arguments[0].value = '2027-01-04';", start)
        browser.find_element(By.ID, "calc-button").click()
        self.wait_for('#calc-due[data-date="2027-01-11"]', "到期日：2027-01-11（暂定）")
        self.shot("calendar")


GATED = {
    "id": "console-gated", "version": 1, "title": "故障演示流程",
    "jurisdiction": {"name": "测试区", "code": "320902"}, "regulation": {"title": "测试办法"},
    "calendar": "cn-mainland",
    "variables": {"amount": {"type": "decimal", "unit": "万元", "minimum": 0},
                  "budget": {"type": "decimal", "unit": "万元", "minimum": 0}},
    "start": "review",
    "nodes": [
        {"id": "review", "type": "stage", "name": "初审", "stage": "human-task",
         "parameters": {"title": "初审意见", "assignee": {"role": "administrator"}, "outcomes": ["pass"]},
         "outcomes": {"pass": "check"},
         "deadlines": [{"id": "opinion", "period": "5 workdays", "interrupting": False, "task": "review"}]},
        {"id": "check", "type": "exclusive", "name": "超预算判断",
         "branches": [{"when": "project.amount / project.budget > 1", "to": "recheck"}], "default": "approved"},
        {"id": "recheck", "type": "stage", "name": "复核", "stage": "human-task",
         "parameters": {"title": "复核意见", "assignee": {"role": "administrator"}, "outcomes": ["pass"]},
         "outcomes": {"pass": "approved"}},
        {"id": "approved", "type": "end", "result": "approved"},
    ],
}
GATE_ERROR = ('node "check": condition "project.amount / project.budget > 1": division by zero: '
              'the right side of "/" is 0')


class IncidentTests(ConsoleTestCase):
    """A decision failing inside the engine (a gateway dividing by a zero budget) is an incident."""

    @classmethod
    def setUpClass(cls):
        status, body = server.call("admin", "POST", "/v1/definitions", json.dumps(GATED, ensure_ascii=False))
        assert status in (201, 409), (status, body)

    def raise_incident(self, project):
        status, body = server.call("admin", "POST", "/v1/projects", {"workflow": "console-gated", "id": project,
                                                                      "variables": {"amount": 600, "budget": 0}})
        self.assertEqual(status, 201, body)
        self.task = body["openTasks"][0]["id"]
        status, body = server.call("admin", "POST", f"/v1/projects/{project}/tasks/{self.task}/decision",
                                   {"outcome": "pass"})
        self.assertEqual((status, body["error"]["code"]), (500, "incident-raised"), body)
        return body["error"]["details"]["incident"]

    def test_an_administrator_reads_the_incident_in_words_and_resolves_it_by_moving_the_project(self):
        number = self.raise_incident("gated-admin")
        self.sign_in("admin")
        self.go("#/projects/gated-admin", "#incidents")
        card = self.wait_for(f"#incident-{number}")
        self.assertEqual(card.get_attribute("data-status"), "open")
        self.assertEqual(card.find_element(By.CSS_SELECTOR, "h3").text, f"⚠ 未解决 故障 {number}")
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".incident-what").text, f"admin办理任务{self.task}（通过）")
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".incident-error").text, GATE_ERROR)
        # A user's command cannot be retried: no 重试, a 处理 form whose comment is required.
        self.assertEqual(browser.find_elements(By.ID, f"incident-{number}-retry-button"), [])
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".incident-actions .help").text,
                         "此故障由用户的操作引起，不能重试：请用户重新操作，再在此标记处理。")
        raised = self.wait_for('#timeline li[data-type="incidentRaised"] .what')
        self.assertEqual(raised.text, f"发生故障{number}：admin办理任务{self.task}（通过）失败，错误：{GATE_ERROR}")
        self.shot("incident")
        move = browser.find_element(By.ID, f"incident-{number}-move")
        browser.execute_script("arguments[0].value = 'recheck';", move)
        browser.find_element(By.ID, f"incident-{number}-resolve-button").click()
        self.assertEqual(browser.execute_script("return document.activeElement.id"), f"incident-{number}-comment")
        browser.find_element(By.ID, f"incident-{number}-comment").send_keys("预算为零，转复核")
        browser.find_element(By.ID, f"incident-{number}-resolve-button").click()
        self.wait_for("#incident-done", f"故障{number}已处理。")
        card = self.wait_for(f'#incident-{number}[data-status="resolved"]')
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".incident-resolution").text, "转到其他环节 → 复核")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, f"#incident-{number} form"), [])
        resolved = self.wait_for('#timeline li[data-type="incidentResolved"] .what')
        self.assertEqual(resolved.text, f"故障{number}已处理：项目转到“复核”，意见：“预算为零，转复核”")
        status, body = server.call("admin", "GET", "/v1/projects/gated-admin")
        self.assertEqual([task["node"] for task in body["openTasks"]], ["recheck"])
        self.assertEqual((body["incidents"][0]["resolution"], body["incidents"][0]["movedTo"],
                          body["incidents"][0]["resolvedBy"]), ("moved", "recheck", "admin"))

    def test_timer_incidents_and_their_retry_and_resolution_read_as_sentences(self):
        # No timer can fail on this server's real clock within a test, so the words for a timer's incident are
        # checked on the console's own modules, in the browser, with the engine's exact command summaries.
        self.sign_in("audit")
        texts = browser.execute_async_script("""
            const done = arguments[arguments.length - 1];
            Promise.all([import('/console/incidents.js'), import('/console/events.js')]).then(([inc, ev]) => {
              const names = { 'department-review': '部门会审', 'pre-review': '项目预审' };
              const reader = new ev.HistoryReader((id) => names[id] || id);
              const say = (event) => reader.sentence({ seq: 1, at: '', actor: null, event });
              done([
                inc.commandText('fire timer 4 (deadline "opinions" of node "department-review")', reader.nodeName),
                inc.commandText('fire timer 7 (reminder before deadline "opinions" of node "department-review")'),
                inc.commandText('fire timer 9 (wait of node "trial")'),
                inc.commandText('urge task 3 by jia-co'),
                inc.commandText('recalculate provisional deadlines'),
                say({ type: 'incidentRaised', incident: 2, timer: 4,
                      command: 'fire timer 4 (deadline "opinions" of node "department-review")',
                      error: 'stage "gate" refused entry: x' }),
                say({ type: 'incidentRetryFailed', incident: 2, error: 'still failing' }),
                say({ type: 'incidentResolved', incident: 2, resolution: 'retried', movedTo: null, comment: '插件已修复' }),
                say({ type: 'incidentResolved', incident: 3, resolution: 'marked', movedTo: null, comment: '已人工处理' }),
                say({ type: 'incidentResolved', incident: 4, resolution: 'moved', movedTo: 'pre-review',
                      comment: '退回预审' }),
              ]);
            });""")
        self.assertEqual(texts, [
            "计时4（“部门会审”的办理时限“opinions”）到时处理",
            "计时7（“department-review”的时限提醒“opinions”）到时处理",
            "计时9（“trial”的等待）到时处理",
            "jia-co对任务3催办",
            "recalculate provisional deadlines",
            "发生故障2：计时4（“部门会审”的办理时限“opinions”）到时处理失败，该计时暂停，错误：stage \"gate\" refused entry: x",
            "故障2重试失败，错误：still failing",
            "故障2已处理：重试成功，意见：“插件已修复”",
            "故障3已处理：标记为已解决，意见：“已人工处理”",
            "故障4已处理：项目转到“项目预审”，意见：“退回预审”",
        ])

    def test_the_auditor_lists_incidents_and_sees_no_write_control(self):
        number = self.raise_incident("gated-audit")
        status, listed = server.call("audit", "GET", "/v1/incidents?status=open&limit=20&offset=0")
        self.assertEqual(status, 200)
        self.sign_in("audit")
        self.assertEqual([a.text for a in browser.find_elements(By.CSS_SELECTOR, "#nav a")],
                         ["总览", "我的待办", "故障", "流程定义", "工作日历"])
        self.go("#/incidents", "#incidents-table")
        rows = browser.find_elements(By.CSS_SELECTOR, "#incidents-table tbody tr")
        self.assertEqual([(row.get_attribute("data-project"), row.get_attribute("data-incident")) for row in rows],
                         [(item["project"], str(item["incident"])) for item in listed["incidents"]])
        row = self.wait_for('#incidents-table tr[data-project="gated-audit"]')
        self.assertEqual(row.find_element(By.CSS_SELECTOR, ".incident-what").text, f"admin办理任务{self.task}（通过）")
        self.assertEqual(self.wait_for("#incidents-info").text, f"共 {listed['total']} 项，第 1/1 页")
        self.assertEqual(self.wait_for("#read-only").text, "审计只读：不能重试或处理。")
        self.shot("incidents")
        self.go("#/projects/gated-audit", f"#incident-{number}")
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR, "#incidents form, #incidents button, "
                                                                "#incidents input, #incidents select"), [])
        # The project unit and the reviewer have no incidents page in the navigation.
        browser.find_element(By.ID, "signout").click()
        self.sign_in("li")
        self.assertEqual([a.text for a in browser.find_elements(By.CSS_SELECTOR, "#nav a")],
                         ["我的待办", "流程定义", "工作日历"])


def beijing_date(iso):
    """The Beijing date of an ISO instant the API gives in +08:00."""
    return iso[:10] if iso.endswith("+08:00") else None


class OverviewTests(ConsoleTestCase):
    def expected_stage_rows(self, who):
        """[(jurisdiction, stage, open, late, median words)] computed from the API as the page should."""
        status, me = server.call(who, "GET", "/v1/me")
        today = me["today"]
        status, body = server.call(who, "GET", "/v1/tasks?all=true")
        self.assertEqual(status, 200)
        groups = {}
        for task in body["tasks"]:
            groups.setdefault((task["workflow"]["id"], task["workflow"]["version"], task["node"]), []).append(task)
        rows = []
        for (workflow, version, node), tasks in groups.items():
            request = urllib.request.Request(f"{server.base}/v1/definitions/{workflow}/versions/{version}")
            request.add_header("Authorization", "Bearer " + TOKENS[who]["token"])
            with urllib.request.urlopen(request) as response:
                source = json.loads(response.read())
            waited = []
            for task in tasks:
                _, between = server.call(who, "GET", f"/v1/calendars/{source.get('calendar', 'cn-mainland')}/between"
                                                     f"?from={beijing_date(task['openedAt'])}&to={today}")
                waited.append(between["workingDays"])
            waited.sort()
            middle = len(waited) // 2
            median = waited[middle] if len(waited) % 2 else (waited[middle - 1] + waited[middle]) / 2
            median_text = f"{median:g}个工作日"
            late = sum(1 for task in tasks if task["due"] and task["due"]["date"] < today)
            rows.append((source["jurisdiction"]["name"], tasks[0]["name"], str(len(tasks)), str(late), median_text))
        return sorted(rows), body["tasks"]

    def test_the_auditor_sees_the_overview_and_no_write_control(self):
        expected, tasks = self.expected_stage_rows("audit")
        _, incidents = server.call("audit", "GET", "/v1/incidents?status=open&limit=100")
        _, overdue = server.call("audit", "GET", "/v1/overdue")
        self.sign_in("audit")
        self.go("#/overview", "#stages-table")
        self.assertEqual(self.wait_for("#tile-tasks .number").text, str(len(tasks)))
        self.assertEqual(self.wait_for("#tile-incidents .number").text, str(incidents["total"]))
        self.assertEqual(self.wait_for("#tile-overdue .number").text, str(len(overdue["overdue"])))
        rows = [tuple(td.text for td in row.find_elements(By.CSS_SELECTOR, "td"))
                for row in browser.find_elements(By.CSS_SELECTOR, "#stages-table tbody tr")]
        self.assertEqual(sorted(rows), expected)
        # Read only: nothing on the page writes (no form, input, select, textarea or button in the page).
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR,
                                               "#page form, #page input, #page select, #page textarea, #page button"),
                         [])
        # Only administrators and auditors may read every open task; the console hides the page from others.
        status, body = server.call("li", "GET", "/v1/tasks?all=true")
        self.assertEqual((status, body["error"]["message"]),
                         (403, 'li may not read every open task ("all=true"); that needs one of the roles: '
                               'administrator, auditor'))


class DemoTests(ConsoleTestCase):
    """`govflow serve --demo` on a new database: the console at work at once, with overdue items."""

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="govflow-demo-")
        database = os.path.join(cls.folder, "demo.sqlite")
        binary = os.environ.get("GOVFLOW_BIN", os.path.join(ROOT, ".build", "debug", "govflow"))
        cls.log_path = os.path.join(cls.folder, "serve.log")
        cls.out_path = os.path.join(cls.folder, "serve.out")
        cls.log, cls.out = open(cls.log_path, "w", encoding="utf-8"), open(cls.out_path, "w", encoding="utf-8")
        cls.process = subprocess.Popen([binary, "serve", "--demo", "--db", database, "--listen", "127.0.0.1:0",
                                        "--workflows", os.path.join(ROOT, "workflows")],
                                       cwd=ROOT, stderr=cls.log, stdout=cls.out)
        port = None
        for _ in range(600):
            with open(cls.log_path, encoding="utf-8") as handle:
                found = re.search(r'"listen":"127\.0\.0\.1:(\d+)"', handle.read())
            if found:
                port = int(found.group(1))
                break
            if cls.process.poll() is not None:
                break
            time.sleep(0.1)
        if port is None:
            cls.tearDownClass()
            raise RuntimeError("govflow serve --demo did not start:\n" + open(cls.log_path, encoding="utf-8").read())
        cls.base = f"http://127.0.0.1:{port}"
        with open(database + ".tokens.json", encoding="utf-8") as handle:
            cls.tokens = {entry["roles"][0]: entry["token"] for entry in json.load(handle)["tokens"]}

    @classmethod
    def tearDownClass(cls):
        if cls.process.poll() is None:
            cls.process.terminate()
            cls.process.wait(timeout=20)
        cls.log.close()
        cls.out.close()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def setUp(self):
        browser.get(self.base + "/#/signin")
        browser.execute_script("sessionStorage.clear(); localStorage.clear();")
        browser.refresh()
        self.wait_for("#token")

    def tearDown(self):
        severe = [entry for entry in browser.get_log("browser")
                  if entry["level"] == "SEVERE" and entry.get("source") != "network"]
        self.assertEqual(severe, [])

    def demo_call(self, role, path):
        request = urllib.request.Request(self.base + path)
        request.add_header("Authorization", "Bearer " + self.tokens[role])
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def go(self, hash_route, ready):
        browser.get(self.base + "/" + hash_route)
        return self.wait_for(ready)

    def demo_sign_in(self, role):
        self.wait_for("#token").send_keys(self.tokens[role], Keys.ENTER)
        self.wait_for("#inbox-list")

    def test_the_demo_prints_a_token_per_role_and_the_overview_shows_its_overdue_items(self):
        with open(self.out_path, encoding="utf-8") as handle:
            printed = handle.read()
        for role, token in self.tokens.items():
            self.assertRegex(printed, rf"\n  {re.escape(role)} +{re.escape(token)}  ")
        overdue = self.demo_call("auditor", "/v1/overdue")["overdue"]
        tasks = self.demo_call("auditor", "/v1/tasks?all=true")["tasks"]
        today = self.demo_call("auditor", "/v1/me")["today"]
        expected = {}
        for record in overdue:
            view = self.demo_call("auditor", f"/v1/projects/{record['project']}")
            source = self.demo_call("auditor", f"/v1/definitions/{view['definition']['id']}/versions/"
                                               f"{view['definition']['version']}")
            stage = next(node.get("name", node["id"]) for node in source["nodes"] if node["id"] == record["node"])
            key = (source["jurisdiction"]["name"], stage)
            expected[key] = expected.get(key, 0) + 1
        self.assertGreater(len(overdue), 0)
        self.demo_sign_in("auditor")
        self.go("#/overview", "#overdue-table")
        self.assertEqual(self.wait_for("#tile-overdue .number").text, str(len(overdue)))
        late = [task for task in tasks if task["due"] and task["due"]["date"] < today]
        self.assertGreater(len(late), 0)
        self.assertEqual(self.wait_for("#tile-late .number").text, str(len(late)))
        rows = {(row.find_elements(By.CSS_SELECTOR, "td")[0].text, row.find_elements(By.CSS_SELECTOR, "td")[1].text):
                int(row.find_elements(By.CSS_SELECTOR, "td")[2].text)
                for row in browser.find_elements(By.CSS_SELECTOR, "#overdue-table tbody tr")}
        self.assertEqual({key: count for key, count in rows.items() if count}, expected)
        places = {row.get_attribute("data-place") for row in
                  browser.find_elements(By.CSS_SELECTOR, "#stages-table tbody tr")}
        self.assertEqual(places, {"江苏省盐城市亭湖区", "黑龙江省双鸭山市尖山区", "浙江省杭州市上城区", "江西省上饶市",
                                  "江西省上饶市玉山县"})
        self.assertEqual(browser.find_elements(By.CSS_SELECTOR,
                                               "#page form, #page input, #page select, #page textarea, #page button"),
                         [])
        self.shot("overview")

    def test_the_reviewing_office_of_the_demo_finds_an_overdue_task_first(self):
        self.demo_sign_in("reviewing-office")
        first = self.wait_for("#inbox-table tbody tr:first-child .due[data-state]")
        self.assertEqual(first.get_attribute("data-state"), "overdue")
        self.assertRegex(first.find_element(By.CSS_SELECTOR, ".due-words").text, r"^逾期\d+个工作日$")
        self.shot("demo-inbox")


if __name__ == "__main__":
    unittest.main()
