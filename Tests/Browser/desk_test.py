"""The planning desk in a real browser (headless Debian chromium, driven by Selenium).

Usage: desk_test.py BASE_URL SCENARIO_ID SCREENSHOT.png

Opens the desk at BASE_URL, solves SCENARIO_ID, pins the first assignment of wave w1,
forbids the second one's pair with a reason, re-solves against the plan, and checks in the
page's tables that the pin was kept and the forbidden pair is gone; then saves a screenshot
of the overview (with the plan's report) to SCREENSHOT.png. Run by Tests/CLITests/DeskBrowserTests.swift.
"""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

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
    found = []
    for tr in driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr"):
        cells = tr.find_elements(By.TAG_NAME, "td")
        found.append((cells[5].text, cells[9].text, cells[1].text, "pinned" in (tr.get_attribute("class") or "")))
    return found


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
    driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr")[0].find_element(By.CSS_SELECTOR, "form.pin button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#assignments tbody tr.pinned"))
    # Forbid the second row's pair, with a reason.
    row = [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr")
           if tr.find_elements(By.TAG_NAME, "td")[5].text == drop[0] and tr.find_elements(By.TAG_NAME, "td")[9].text == drop[1]][0]
    row.find_element(By.CSS_SELECTOR, "form.forbid input[name=reason]").send_keys("回避：浏览器测试")
    row.find_element(By.CSS_SELECTOR, "form.forbid button").click()
    wait.until(lambda d: "/table/wave/w1" in d.current_url and d.find_elements(By.CSS_SELECTOR, "#assignments"))

    press("resolve", "resolve")
    assert "与上一方案相比的改动" in driver.page_source, "the overview shows no changes after re-solving"
    after = rows(table)
    assert (keep[0], keep[1], keep[2], True) in after, "the pin was not kept: %r" % (keep,)
    for wave in ["w1", "w2"]:
        for r in rows("/s/%s/table/wave/%s" % (scenario, wave)):
            assert (r[0], r[1]) != (drop[0], drop[1]), "the forbidden pair is still planned: %r" % (r,)
    # The cadre's page lists the forbidden pair with its reason.
    driver.get(base + "/s/%s/cadre/%s" % (scenario, drop[0]))
    assert "回避：浏览器测试" in driver.page_source

    # Client-side filter: typing the pinned cadre's id leaves only matching rows.
    driver.get(base + table)
    box = driver.find_element(By.CSS_SELECTOR, "input.filter")
    box.send_keys(keep[0])
    shown = [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#assignments tbody tr") if tr.is_displayed()]
    assert shown and all(keep[0] in tr.text for tr in shown), "the filter did not filter"

    driver.get(base + "/s/" + scenario)
    wait.until(lambda d: d.find_elements(By.TAG_NAME, "iframe"))
    driver.save_screenshot(screenshot)
    print("ok: pinned %s-%s-%s kept, forbidden %s-%s gone" % (keep[0], keep[1], keep[2], drop[0], drop[1]))
finally:
    driver.quit()
