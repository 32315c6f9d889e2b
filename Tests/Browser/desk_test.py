"""The planning desk in a real browser (headless Debian chromium, driven by Selenium).

Usage: desk_test.py BASE_URL SCENARIO_ID SCREENSHOT.png

Opens the desk at BASE_URL, solves SCENARIO_ID, pins the first assignment of wave w1,
forbids the second one's pair with a reason, re-solves against the plan, and checks in the
page's tables that the pin was kept and the forbidden pair is gone; then saves a screenshot
of the overview (with the plan's report) to SCREENSHOT.png. On the way it saves a named variant
(one-to-many, M = 2) from the overview's form, solves it and compares the two plans. Run by Tests/CLITests/DeskBrowserTests.swift.
"""
import sys

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

base, scenario, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for arg in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"]:
    options.add_argument(arg)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
wait = WebDriverWait(driver, 120)


def rows(path):
    """The assignment rows of a table page as (cadre, target, wave, pinned)."""
    driver.get(base + path)
    # One script call for the whole table: hainan-2022's waves have thousands of rows.
    found = driver.execute_script("""
        return Array.from(document.querySelectorAll('#assignments tbody tr')).map(function(tr) {
          var c = tr.cells; return [c[5].textContent.trim(), c[9].textContent.trim(), c[1].textContent.trim(), tr.classList.contains('pinned')];
        });""")
    return [tuple(r) for r in found]


def is_gone(element):
    """Whether `element` no longer belongs to the page. Chromium reports a node of a replaced
    document either as stale or, while the new page loads, as "does not belong to the document";
    both mean the old page is gone."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def click_and_reload(button):
    """Clicks a form's button and waits until the page it posts from has been replaced by the answer."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    wait.until(lambda d: is_gone(page))
    wait.until(lambda d: d.execute_script("return document.readyState") == "complete")


def press(button_id, done):
    driver.get(base + "/s/" + scenario)
    driver.find_element(By.ID, button_id).click()
    wait.until(lambda d: ("done=" + done) in d.current_url)


try:
    driver.get(base + "/")
    driver.find_element(By.LINK_TEXT, scenario).click()
    assert "还没有方案" in driver.page_source or "报告" in driver.page_source, "overview did not open"
    press("solve", "solve")
    table = "/s/%s/table/wave/w1" % scenario
    before = rows(table)
    assert len(before) >= 2, "wave w1 has fewer than two assignments: %r" % before
    keep, drop = before[0], before[1]
    assert (keep[0], keep[1]) != (drop[0], drop[1])

    # Pin the first row: the page comes back with the row marked pinned.
    click_and_reload(driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr")[0].find_element(By.CSS_SELECTOR, "form.pin button"))
    assert driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr.pinned"), "the pinned row is not marked"
    # Forbid the second row's pair, with a reason.
    index = [i for i, r in enumerate(rows(table)) if (r[0], r[1]) == (drop[0], drop[1])][0]
    row = driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr")[index]
    row.find_element(By.CSS_SELECTOR, "form.forbid input[name=reason]").send_keys("回避：浏览器测试")
    click_and_reload(row.find_element(By.CSS_SELECTOR, "form.forbid button"))
    assert "/table/wave/w1" in driver.current_url, "the forbid did not come back to the table"

    press("resolve", "resolve")
    assert "与上一方案相比的改动" in driver.page_source, "the overview shows no changes after re-solving"
    after = rows(table)
    assert (keep[0], keep[1], keep[2], True) in after, "the pin was not kept: %r" % (keep,)
    driver.get(base + "/s/%s/tables" % scenario)
    waves = [a.get_attribute("href").split("/table/wave/")[1] for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='/table/wave/']")
             if not a.get_attribute("href").endswith(".csv")]
    assert waves, "no wave tables listed"
    for wave in waves:
        for r in rows("/s/%s/table/wave/%s" % (scenario, wave)):
            assert (r[0], r[1]) != (drop[0], drop[1]), "the forbidden pair is still planned: %r" % (r,)
    # The cadre's page lists the forbidden pair with its reason.
    driver.get(base + "/s/%s/cadre/%s" % (scenario, drop[0]))
    assert "回避：浏览器测试" in driver.page_source

    # Client-side filter: typing the pinned cadre's id leaves only matching rows.
    driver.get(base + table)
    box = driver.find_element(By.CSS_SELECTOR, "input.filter")
    box.send_keys(keep[0])
    shown = driver.execute_script("""
        return Array.from(document.querySelectorAll('#assignments tbody tr'))
          .filter(function(tr) { return tr.style.display !== 'none'; }).map(function(tr) { return tr.textContent; });""")
    assert shown and all(keep[0] in t for t in shown), "the filter did not filter"
    assert len(shown) < len(after), "the filter hid nothing"

    # A named variant from the overview's form (one-to-many, M = 2), solved, then compared with the scenario.
    variant = scenario + "-m2"
    driver.get(base + "/s/" + scenario)
    driver.find_element(By.CSS_SELECTOR, "details.variant summary").click()
    form = driver.find_element(By.ID, "variant")
    form.find_element(By.NAME, "name").send_keys(variant)
    Select(form.find_element(By.NAME, "mode")).select_by_value("one-to-many")
    m = form.find_element(By.NAME, "m")
    m.clear()
    m.send_keys("2")
    click_and_reload(form.find_element(By.CSS_SELECTOR, "button"))
    assert driver.current_url.endswith("/s/%s?done=variant" % variant), "the variant did not open: " + driver.current_url
    driver.find_element(By.ID, "solve").click()
    wait.until(lambda d: "done=solve" in d.current_url)
    driver.get(base + "/compare?s=%s&s=%s" % (scenario, variant))
    driver.switch_to.frame(wait.until(lambda d: d.find_element(By.TAG_NAME, "iframe")))
    wait.until(lambda d: variant in d.page_source)
    driver.switch_to.default_content()

    driver.get(base + "/s/" + scenario)
    wait.until(lambda d: d.find_elements(By.TAG_NAME, "iframe"))
    driver.save_screenshot(screenshot)
    print("ok: pinned %s-%s-%s kept, forbidden %s-%s gone, variant %s solved and compared" % (keep[0], keep[1], keep[2], drop[0], drop[1], variant))
finally:
    driver.quit()
